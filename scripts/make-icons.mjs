// Draws the Replyclock icon (a clock face with a reply arrow notch) as PNGs at 16/32/48/128.
// Written out once and committed; rerun after changing the design: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Supersampled: 4×4 samples per pixel for smooth edges.
function clock(x, y, size) {
  let cov = 0, white = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
    const px = (x + (sx + 0.5) / 4) / size * 2 - 1;
    const py = (y + (sy + 0.5) / 4) / size * 2 - 1;
    const r = Math.hypot(px, py);
    if (r > 0.96) continue;
    cov++;
    const hand1 = Math.abs(px) < 0.09 && py < 0.05 && py > -0.62; // minute hand, up
    const hand2 = Math.abs(py) < 0.09 && px > -0.05 && px < 0.45; // hour hand, right
    const ring = r > 0.74 && r < 0.84;
    if (hand1 || hand2 || ring) white++;
  }
  if (!cov) return [0, 0, 0, 0];
  const a = Math.round((cov / 16) * 255), w = white / cov;
  const mix = (c, t) => Math.round(c * (1 - w) + t * w);
  return [mix(0x0b, 255), mix(0x6e, 255), mix(0x4f, 255), a];
}
mkdirSync('public/icons', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s, clock));
console.log('icons written');
