/**
 * Draws the tab bar icons (81×81 PNG, grey and red) from simple shapes, so no image is downloaded.
 * Run: npx tsx miniapp/tools/tab-icons.ts  → miniapp/src/assets/tab/<name>[-active].png
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Shape = (x: number, y: number) => boolean;
const SIZE = 81;
const SUPERSAMPLE = 4;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const polygon =
  (points: [number, number][]): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (shape: Shape, ...holes: Shape[]): Shape =>
  (x, y) =>
    shape(x, y) && !holes.some((h) => h(x, y));
const intersect =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && b(x, y);

const lines = (x0: number, x1: number) => [0.38, 0.5, 0.62].map((y) => rect(x0, y, x1, y + 0.04));

const ICONS: Record<string, Shape> = {
  home: minus(
    union(
      polygon([
        [0.5, 0.12],
        [0.08, 0.5],
        [0.92, 0.5],
      ]),
      rect(0.2, 0.45, 0.8, 0.86),
    ),
    rect(0.42, 0.62, 0.58, 0.87),
  ),
  study: minus(union(rect(0.1, 0.2, 0.47, 0.8), rect(0.53, 0.2, 0.9, 0.8)), ...lines(0.16, 0.41), ...lines(0.59, 0.84)),
  activities: union(
    rect(0.18, 0.1, 0.25, 0.9),
    polygon([
      [0.25, 0.14],
      [0.86, 0.14],
      [0.7, 0.33],
      [0.86, 0.52],
      [0.25, 0.52],
    ]),
  ),
  me: union(circle(0.5, 0.3, 0.18), intersect(ellipse(0.5, 0.92, 0.36, 0.4), rect(0, 0, 1, 0.88))),
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (shape((x + (sx + 0.5) / SUPERSAMPLE) / SIZE, (y + (sy + 0.5) / SUPERSAMPLE) / SIZE)) hits++;
        }
      }
      const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = Math.round((255 * hits) / SUPERSAMPLE ** 2);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, '../src/assets/tab');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(path.join(outDir, `${name}.png`), png(shape, [0x99, 0x99, 0x99]));
  writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, [0xc8, 0x16, 0x1d]));
}
console.log(`tab icons written to ${outDir}`);
