// Text widths from a TrueType font's own tables (head, hhea, hmtx and a format 4 cmap), so the
// server lays a chart out with the metrics of the font resvg then draws it in. Without this,
// vega guesses 0.8 em per character and truncates or pads labels. Kerning is left out: it only
// ever narrows DejaVu text, so a label measured here never comes out wider than drawn.

export class FontMetrics {
  private readonly advances: Uint16Array;
  private readonly glyphs = new Map<number, number>();

  private constructor(
    private readonly font: Buffer,
    private readonly unitsPerEm: number,
    private readonly cmap: number,
  ) {
    const hhea = table(font, "hhea");
    const hmtx = table(font, "hmtx");
    const numberOfHMetrics = font.readUInt16BE(hhea + 34);
    this.advances = new Uint16Array(numberOfHMetrics);
    for (let g = 0; g < numberOfHMetrics; g++) this.advances[g] = font.readUInt16BE(hmtx + g * 4);
  }

  static parse(font: Buffer): FontMetrics {
    const cmap = table(font, "cmap");
    const subtables = font.readUInt16BE(cmap + 2);
    for (let i = 0; i < subtables; i++) {
      const record = cmap + 4 + i * 8;
      const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
      const offset = cmap + font.readUInt32BE(record + 4);
      // Windows Unicode BMP: the subtable every TrueType font for screens carries.
      if (platform === 3 && encoding === 1 && font.readUInt16BE(offset) === 4) {
        return new FontMetrics(font, font.readUInt16BE(table(font, "head") + 18), offset);
      }
    }
    throw new Error("the font has no Unicode BMP character map (cmap format 4)");
  }

  /** Width of `text` in pixels at `size` pixels per em. */
  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.advance(this.glyph(char.codePointAt(0)!));
    return (units * size) / this.unitsPerEm;
  }

  private advance(glyph: number): number {
    // Glyphs past numberOfHMetrics share the last advance (monospaced tails).
    return this.advances[Math.min(glyph, this.advances.length - 1)]!;
  }

  private glyph(code: number): number {
    let glyph = this.glyphs.get(code);
    if (glyph === undefined) {
      glyph = this.lookup(code);
      this.glyphs.set(code, glyph);
    }
    return glyph;
  }

  /** The format 4 lookup: find the segment holding `code`, then map through delta or glyph array. */
  private lookup(code: number): number {
    const f = this.font;
    if (code > 0xffff) return 0;
    const segments = f.readUInt16BE(this.cmap + 6) / 2;
    const ends = this.cmap + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      if (f.readUInt16BE(ends + s * 2) < code) continue;
      const start = f.readUInt16BE(starts + s * 2);
      if (start > code) return 0;
      const delta = f.readUInt16BE(deltas + s * 2);
      const rangeOffset = f.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = f.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  }
}

function table(font: Buffer, tag: string): number {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`the font has no ${tag} table`);
}
