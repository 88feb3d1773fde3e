/**
 * Draws the application icon (the tray's speech bubble, white on a blue
 * rounded square) and writes the PNGs electron-builder packages:
 *   npx tsx electron/tools/make-app-icon.ts
 *
 * - build/icon.png, 1024 px: electron-builder makes the macOS .icns and the
 *   Windows .ico from it (both need at least 512 px, 256 px for .ico).
 * - build/icons/<n>x<n>.png: the Linux sizes, put in the AppImage and the
 *   .deb's hicolor theme as they are.
 * Drawn in code, like the tray icon, so they can be remade without an image editor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png';
import { bubble, coverage } from './make-tray-icon';

export const linuxIconSizes = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

const top = [0x6a, 0x85, 0xf7] as const;
const bottom = [0x3d, 0x54, 0xd8] as const;
/** macOS's icon grid leaves a margin round the body; other systems show it as a little air. */
const INSET = 0.09;
const RADIUS = 0.2;
/** Where the bubble sits inside the square. */
const BUBBLE_LEFT = 0.23;
const BUBBLE_TOP = 0.25;
const BUBBLE_SIZE = 0.54;

function inSquare(x: number, y: number): boolean {
  const lo = INSET + RADIUS;
  const hi = 1 - INSET - RADIUS;
  if (x < INSET || x > 1 - INSET || y < INSET || y > 1 - INSET) return false;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function inBubble(x: number, y: number): boolean {
  return bubble((x - BUBBLE_LEFT) / BUBBLE_SIZE, (y - BUBBLE_TOP) / BUBBLE_SIZE);
}

export function appIconPng(size: number): Buffer {
  // Fewer samples at large sizes: a pixel there is already small against the curves.
  const supersample = size >= 256 ? 3 : 8;
  return encodePng(size, (px, py) => {
    const square = coverage(inSquare, px, py, size, supersample);
    if (square === 0) return [0, 0, 0, 0];
    const white = coverage(inBubble, px, py, size, supersample);
    const t = py / size;
    const blue = top.map((c, i) => c + (bottom[i]! - c) * t);
    return [...blue.map((c) => Math.round(c + (255 - c) * white)), Math.round(255 * square)];
  });
}

export function writeAppIcons(buildDir: string): string[] {
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  const written: string[] = [];
  const write = (file: string, png: Buffer) => {
    writeFileSync(file, png);
    written.push(file);
  };
  const pngs = new Map(linuxIconSizes.map((size) => [size, appIconPng(size)]));
  write(path.join(buildDir, 'icon.png'), pngs.get(1024)!);
  for (const [size, png] of pngs) write(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');
  const written = writeAppIcons(buildDir);
  console.log(`make-app-icon: wrote ${written.length} files in ${buildDir}`);
}
