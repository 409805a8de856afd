// A tiny PNG reader for tests: 8-bit palette (colour type 3), RGB (2) and RGBA (6) images, every
// row filter, no interlace — what resvg and the chart renderer write. Checks every chunk's CRC.
import zlib from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  /** "#rrggbb" of the pixel at (x, y), rounded to whole pixels. */
  colourAt(x: number, y: number): string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG file inside a larger body (a multipart upload): from its signature to its IEND chunk. */
export function pngWithin(body: Buffer): Buffer {
  const start = body.indexOf(SIGNATURE);
  if (start < 0) throw new Error("no PNG in this body");
  let at = start + 8;
  while (body.toString("latin1", at + 4, at + 8) !== "IEND") at += 12 + body.readUInt32BE(at);
  return body.subarray(start, at + 12);
}

/** Width and height from the header alone. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function decodePng(png: Buffer): DecodedPng {
  const { width, height } = pngSize(png);
  let palette = Buffer.alloc(0);
  let colourType = -1;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length))
      throw new Error(`bad CRC in ${type}`);
    if (type === "IHDR") {
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit, non-interlaced images");
      colourType = body[9]!;
    }
    if (type === "PLTE") palette = Buffer.from(body);
    if (type === "IDAT") data.push(body);
    at += 12 + length;
  }
  const channels = { 3: 1, 2: 3, 6: 4 }[colourType];
  if (!channels) throw new Error(`colour type ${colourType} is not supported`);
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predicted === undefined) throw new Error(`unknown filter ${filter}`);
      pixels[y * stride + i] = (x + predicted) & 0xff;
    }
  }
  const hex = (bytes: ArrayLike<number>) => `#${Array.from(bytes, (v) => v.toString(16).padStart(2, "0")).join("")}`;
  return {
    width,
    height,
    colourAt(x, y) {
      const at = Math.round(y) * stride + Math.round(x) * channels;
      if (colourType === 3) return hex(palette.subarray(pixels[at]! * 3, pixels[at]! * 3 + 3));
      return hex(pixels.subarray(at, at + 3));
    },
  };
}
