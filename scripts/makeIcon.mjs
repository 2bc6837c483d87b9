// Draws media/icon.png (128×128, the Marketplace icon) with Node alone: a decision record with its
// two owning roles, strategy (amber) and execution (teal). Run it after changing the drawing;
// the PNG is committed, so packaging needs nothing but the file.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

/** Shapes as inside-tests in pixel coordinates, painted in order. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const not = (shape) => (x, y) => !shape(x, y);
const both = (a, b) => (x, y) => a(x, y) && b(x, y);
// The page's folded corner: everything below the diagonal through the top-right corner.
const belowFold = (x, y) => x - 70 <= y - 18;

const LAYERS = [
  [roundedRect(4, 4, 124, 124, 24), [31, 42, 68]],
  [both(roundedRect(26, 18, 94, 110, 6), belowFold), [244, 246, 250]],
  [both(roundedRect(70, 18, 94, 42, 2), (x, y) => x - 70 >= y - 18), [190, 198, 214]],
  [roundedRect(36, 52, 84, 58, 3), [120, 132, 156]],
  [roundedRect(36, 66, 76, 72, 3), [120, 132, 156]],
  [roundedRect(36, 80, 64, 86, 3), [120, 132, 156]],
  [circle(86, 92, 20), [31, 42, 68]],
  [circle(80, 92, 14), [245, 166, 35]],
  [both(circle(96, 92, 14), not(circle(80, 92, 17))), [38, 190, 170]],
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        let colour;
        for (const [inside, fill] of LAYERS) if (inside(x, y)) colour = fill;
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
    const at = (py * SIZE + px) * 4;
    pixels[at] = a ? Math.round(r / a) : 0;
    pixels[at + 1] = a ? Math.round(g / a) : 0;
    pixels[at + 2] = a ? Math.round(b / a) : 0;
    pixels[at + 3] = Math.round((255 * a) / SAMPLES ** 2);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
// Each row starts with filter type 0 (none).
const rows = Buffer.concat(Array.from({ length: SIZE }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * SIZE * 4, (y + 1) * SIZE * 4)])));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
