// Draws the two Teams app icons with nothing but Node's zlib (no image tools needed):
// color.png 192×192 (full colour) and outline.png 32×32 (white on transparent), as the Teams
// manifest requires. Run once after changing the design: node scripts/teams-icons.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels from `paint(x, y) → [r, g, b, a]` to a PNG file. */
function png(size, paint) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(paint(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The mark: a ring (the customer) with a dot in its centre (the leader's attention). */
function mark(x, y, size) {
  const c = size / 2;
  const d = Math.hypot(x - c, y - c) / size;
  return (d > 0.27 && d < 0.37) || d < 0.11;
}

const TEAL = [0, 120, 130, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../manifests/teams");
fs.writeFileSync(
  path.join(out, "color.png"),
  png(192, (x, y) => (mark(x, y, 192) ? WHITE : TEAL)),
);
fs.writeFileSync(
  path.join(out, "outline.png"),
  png(32, (x, y) => (mark(x, y, 32) ? WHITE : CLEAR)),
);
console.log(`wrote ${out}/color.png (192×192) and ${out}/outline.png (32×32)`);
