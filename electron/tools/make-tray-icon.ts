/**
 * Draws the tray icon (a speech bubble) and writes it as PNG, 1x and 2x:
 *   npx tsx electron/tools/make-tray-icon.ts
 *
 * Drawn in code so the committed PNGs can be remade without an image editor.
 * One colour and an alpha channel: macOS uses it as a template image (alpha
 * only, tinted for light and dark menu bars); elsewhere the blue reads on
 * light and dark taskbars alike.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png';

const colour = [0x4f, 0x6b, 0xed] as const;
/** Samples per pixel edge: smooth edges at 16 px without a rasteriser. */
const SUPERSAMPLE = 8;

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x: number, y: number, [ax, ay]: number[], [bx, by]: number[], [cx, cy]: number[]): boolean {
  const side = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax!, ay!, bx!, by!);
  const d2 = side(bx!, by!, cx!, cy!);
  const d3 = side(cx!, cy!, ax!, ay!);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The shape in unit coordinates: a bubble with a tail at the lower left and three dots cut out. */
function covered(x: number, y: number): boolean {
  const dot = [0.3, 0.5, 0.7].some((dx) => (x - dx) ** 2 + (y - 0.42) ** 2 <= 0.075 ** 2);
  if (dot) return false;
  return inRoundedRect(x, y, 0.04, 0.1, 0.96, 0.74, 0.2) || inTriangle(x, y, [0.2, 0.66], [0.46, 0.66], [0.16, 0.94]);
}

/** Fraction of the pixel's samples inside the shape, 0–1. */
export function coverage(shape: (x: number, y: number) => boolean, px: number, py: number, size: number, supersample = SUPERSAMPLE): number {
  let hits = 0;
  for (let sy = 0; sy < supersample; sy++) {
    for (let sx = 0; sx < supersample; sx++) {
      if (shape((px + (sx + 0.5) / supersample) / size, (py + (sy + 0.5) / supersample) / size)) hits++;
    }
  }
  return hits / supersample ** 2;
}

/** The bubble in unit coordinates, for the application icon to draw at its own scale. */
export const bubble = covered;

export function trayIconPng(size: number): Buffer {
  return encodePng(size, (x, y) => [...colour, Math.round(255 * coverage(covered, x, y, size))]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  writeFileSync(path.join(dir, 'tray-icon.png'), trayIconPng(16));
  writeFileSync(path.join(dir, 'tray-icon@2x.png'), trayIconPng(32));
  console.log(`make-tray-icon: wrote ${dir}/tray-icon.png and tray-icon@2x.png`);
}
