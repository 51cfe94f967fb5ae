// Draws the toolbar icons (a speech bubble with a "hush" bar) into public/icons/*.png.
// Run once by hand (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  const s = size;
  const img = png(s, (px, py) => {
    // Sample 4x4 per pixel for smooth edges.
    let cover = 0, bar = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const x = (px + (i + 0.5) / 4) / s, y = (py + (j + 0.5) / 4) / s;
      const inBubble = ((x - 0.5) / 0.46) ** 2 + ((y - 0.45) / 0.38) ** 2 <= 1;
      const inTail = y > 0.7 && y < 0.95 && x > 0.2 && x < 0.42 && x - 0.2 > (y - 0.7) * 0.9 - 0.02 && x < 0.42 - (y - 0.7) * 0.6;
      if (inBubble || inTail) {
        cover++;
        if (Math.abs(y - 0.45) < 0.07 && x > 0.27 && x < 0.73) bar++;
      }
    }
    if (cover === 0) return [0, 0, 0, 0];
    const a = Math.round((cover / 16) * 255);
    const t = bar / Math.max(cover, 1);
    // Teal bubble, white hush bar.
    return [Math.round(15 + t * 240), Math.round(118 + t * 137), Math.round(110 + t * 145), a];
  });
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), img);
}
console.log('icons written');
