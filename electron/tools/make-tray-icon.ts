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
import { deflateSync } from 'node:zlib';

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

function pixels(size: number): Buffer {
  const rowBytes = 1 + size * 4;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (covered((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      const at = py * rowBytes + 1 + px * 4;
      raw.set([...colour, Math.round((255 * hits) / SUPERSAMPLE ** 2)], at);
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function trayIconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  writeFileSync(path.join(dir, 'tray-icon.png'), trayIconPng(16));
  writeFileSync(path.join(dir, 'tray-icon@2x.png'), trayIconPng(32));
  console.log(`make-tray-icon: wrote ${dir}/tray-icon.png and tray-icon@2x.png`);
}
