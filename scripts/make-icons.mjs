// Draws CallFirst's toolbar icons (a white handset on a green disc) as PNGs, with no image library.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** Coverage (0..1) of the handset shape at unit coordinates (x, y) in [-1, 1]. */
function handset(x, y) {
  // Rotate 45° so the handset lies diagonally, as phone glyphs do.
  const u = (x + y) / Math.SQRT2;
  const v = (y - x) / Math.SQRT2;
  const bar = Math.abs(u) < 0.42 && Math.abs(v + 0.05) < 0.13;
  const ear = Math.abs(u - 0.42) < 0.17 && v > -0.05 && v < 0.32;
  const mouth = Math.abs(u + 0.42) < 0.17 && v > -0.05 && v < 0.32;
  return bar || ear || mouth;
}

function png(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      let disc = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          if (x * x + y * y <= 0.96) {
            disc++;
            if (handset(x * 1.35, y * 1.35)) glyph++;
          }
        }
      const n = samples * samples;
      const a = disc / n;
      const w = disc ? glyph / disc : 0;
      // Green #1a7f4b blended toward white where the handset is.
      const mix = (c) => Math.round(c + (255 - c) * w);
      row.push(mix(0x1a), mix(0x7f), mix(0x4b), Math.round(a * 255));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
