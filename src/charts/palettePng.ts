// A PNG with a colour palette instead of RGBA pixels, for images of at most 256 opaque colours —
// which a chart on white is: flat fills, and text edges in a few dozen shades. It is lossless and
// about a third of resvg's RGBA file, which counts inside a Teams card (28 KB for everything).
import zlib from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const frame = Buffer.alloc(body.length + 8);
  frame.writeUInt32BE(data.length, 0);
  body.copy(frame, 4);
  frame.writeUInt32BE(crc32(body), body.length + 4);
  return frame;
}

/** `rgba`: 4 bytes per pixel, row by row. null when a pixel is translucent or there are over 256 colours. */
export function palettePng(rgba: Uint8Array, width: number, height: number): Buffer | null {
  // One 32-bit word per pixel (a copy, as the input need not be 4-byte aligned); the byte order
  // does not matter as long as the palette is written back byte by byte below.
  const words = new Uint32Array(Uint8Array.from(rgba.subarray(0, width * height * 4)).buffer);
  const opaque = new Uint32Array(Uint8Array.from([0, 0, 0, 255]).buffer)[0]!;
  const indexOf = new Map<number, number>();
  const palette: number[] = [];
  // One filter byte (0: none) before each row of one index byte per pixel.
  const rows = Buffer.alloc((width + 1) * height);
  let previous = -1;
  let index = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const word = words[y * width + x]!;
      if (word !== previous) {
        if ((word & opaque) >>> 0 !== opaque) return null;
        let known = indexOf.get(word);
        if (known === undefined) {
          if (palette.length === 256) return null;
          known = palette.push(word) - 1;
          indexOf.set(word, known);
        }
        previous = word;
        index = known;
      }
      rows[y * (width + 1) + 1 + x] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette), no interlace
  const plte = Buffer.alloc(palette.length * 3);
  for (const [i, word] of palette.entries())
    plte.set(new Uint8Array(Uint32Array.of(word).buffer).subarray(0, 3), i * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", plte),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
