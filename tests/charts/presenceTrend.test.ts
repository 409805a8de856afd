// The presence trend chart rendered on the server: the PNG's size, the colours where each tone's
// bar and the withheld week must be, the reader's words and number format, text measured with
// the font that draws it, and an SVG snapshot that moves with any change to the spec.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { FontMetrics } from "../../src/charts/fontMetrics.js";
import { palettePng } from "../../src/charts/palettePng.js";
import { PRESENCE_TREND_SIZE, type PresenceTrendView, presenceTrendSpec } from "../../src/charts/presenceTrend.js";
import { chartPng, chartSvg } from "../../src/charts/render.js";
import { TONE_COLOUR, WITHHELD_FILL } from "../../src/charts/theme.js";
import { decodePng } from "../helpers/png.js";

const WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const tones = (positive: number, neutral: number, negative: number) => ({ positive, neutral, negative });
const VIEW: PresenceTrendView = {
  weeks: WEEKS,
  tones: [
    tones(0.05, 0.08, 0.02),
    tones(0.06, 0.08, 0.03),
    tones(0.07, 0.08, 0.04),
    null,
    tones(0.09, 0.08, 0.03),
    tones(0.1, 0.08, 0.04),
    tones(0.11, 0.08, 0.02),
    tones(0.12, 0.08, 0.03),
  ],
};
const WHITE = "#ffffff";

/** Where the spec puts things, from vega's own scales (after rendering, so text is measured alike). */
async function layout(spec: TopLevelSpec) {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  const padding = view.padding() as { left: number; top: number };
  const [left, top] = [view.origin()[0] + padding.left, view.origin()[1] + padding.top];
  const x = view.scale("x") as ((week: string) => number) & { bandwidth(): number; step(): number };
  const y = view.scale("y") as (share: number) => number;
  view.finalize();
  return {
    centre: (week: string) => left + x(week) + x.bandwidth() / 2,
    gapBefore: (week: string) => left + x(week) - (x.step() - x.bandwidth()) / 2,
    y: (share: number) => top + y(share),
    top,
  };
}

describe("the presence trend chart", () => {
  const en = presenceTrendSpec(VIEW, "en");
  const de = presenceTrendSpec(VIEW, "de");
  let pngs: { scale: number; png: Buffer }[];

  beforeAll(async () => {
    pngs = [
      { scale: 1, png: await chartPng(en) },
      { scale: 2, png: await chartPng(en, 2) },
    ];
  });

  it("is a PNG of the spec's size, times the scale", () => {
    for (const { scale, png } of pngs) {
      const image = decodePng(png);
      expect([image.width, image.height]).toEqual([
        PRESENCE_TREND_SIZE.width * scale,
        PRESENCE_TREND_SIZE.height * scale,
      ]);
    }
  });

  it("stacks the tones in their colours, and shows the withheld week as a band, not a zero", async () => {
    const at = await layout(en);
    for (const { scale, png } of pngs) {
      const image = decodePng(png);
      const colour = (x: number, y: number) => image.colourAt(x * scale, y * scale);
      // W48: 12 % appreciative, 8 % factual, 3 % disparaging, bottom to top.
      expect(colour(at.centre("W48"), at.y(0.06))).toBe(TONE_COLOUR.positive);
      expect(colour(at.centre("W48"), at.y(0.16))).toBe(TONE_COLOUR.neutral);
      expect(colour(at.centre("W48"), at.y(0.215))).toBe(TONE_COLOUR.negative);
      // W44 had too few people: the pale band from the top of the plot to the axis.
      expect(colour(at.centre("W44"), at.top + 3)).toBe(WITHHELD_FILL);
      expect(colour(at.centre("W44") - 12, at.y(0.01))).toBe(WITHHELD_FILL);
      expect(colour(at.gapBefore("W44"), at.y(0.01))).toBe(WHITE);
    }
  });

  it("draws nothing up to its edges, so no text was cut off there", () => {
    const image = decodePng(pngs[0]!.png);
    const edge = [
      ...Array.from({ length: image.width }, (_, x) => [image.colourAt(x, 0), image.colourAt(x, image.height - 1)]),
      ...Array.from({ length: image.height }, (_, y) => [image.colourAt(0, y), image.colourAt(image.width - 1, y)]),
    ].flat();
    expect(new Set(edge)).toEqual(new Set([WHITE]));
  });

  it("speaks the reader's language and number format, and cuts no label short", async () => {
    const english = await chartSvg(en);
    for (const text of [
      "Share of messages about customers, 8 weeks to 2026-W48",
      ">W44<",
      ">too few people wrote<",
      ">appreciative<",
      ">factual<",
      ">disparaging<",
      ">How the team speaks about customers<",
      ">23%<",
      ">20%<",
    ]) {
      expect(english).toContain(text);
    }
    const german = await chartSvg(de);
    for (const text of [
      "Anteil der Nachrichten über Kunden, 8 Wochen bis 2026-W48",
      ">KW 44<",
      ">zu wenige Personen<",
      ">wertschätzend<",
      ">sachlich<",
      ">abwertend<",
      ">Wie das Team über Kunden spricht<",
      ">23\u00a0%<",
      ">20\u00a0%<",
    ]) {
      expect(german).toContain(text);
    }
    expect(english + german).not.toContain("…");
  });

  it("matches the SVG snapshot, so any change to the spec is seen in review", async () => {
    await expect(await chartSvg(en)).toMatchFileSnapshot("__snapshots__/presenceTrend.en.svg");
    await expect(await chartSvg(de)).toMatchFileSnapshot("__snapshots__/presenceTrend.de.svg");
  });
});

describe("chart text metrics", () => {
  it("measure text as wide as resvg draws it in DejaVu Sans", () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    for (const [file, weight] of [
      ["DejaVuSans.ttf", "normal"],
      ["DejaVuSans-Bold.ttf", "bold"],
    ]) {
      const metrics = FontMetrics.parse(fs.readFileSync(path.join(dir, file!)));
      for (const text of [
        "Wie das Team über Kunden spricht",
        "Share of messages about customers, 8 weeks to 2026-W48",
        "23 %",
      ]) {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="40"><text x="0" y="30" font-family="DejaVu Sans" font-weight="${weight}" font-size="14">${text}</text></svg>`;
        const drawn = new Resvg(svg, {
          font: { loadSystemFonts: false, fontFiles: [path.join(dir, file!)] },
        }).getBBox()!;
        // The ink ends a little short of the last advance; kerning only narrows.
        expect(metrics.width(text, 14)).toBeGreaterThanOrEqual(drawn.x + drawn.width);
        expect(metrics.width(text, 14)).toBeLessThan((drawn.x + drawn.width) * 1.03);
      }
    }
  });
});

describe("palette PNG", () => {
  const rgba = (colours: number[][]) => Uint8Array.from(colours.flat());

  it("keeps every pixel exactly", () => {
    const pixels = Array.from({ length: 6 * 4 }, (_, i) => [(i * 40) % 256, (i * 90) % 256, 255 - i, 255]);
    const image = decodePng(palettePng(rgba(pixels), 6, 4)!);
    expect(image.colourAt(0, 0)).toBe("#0000ff");
    expect(image.colourAt(5, 3)).toBe(
      `#${[(23 * 40) % 256, (23 * 90) % 256, 255 - 23].map((v) => v.toString(16).padStart(2, "0")).join("")}`,
    );
  });

  it("declines translucent images and those with more than 256 colours", () => {
    expect(
      palettePng(
        rgba([
          [0, 0, 0, 255],
          [0, 0, 0, 128],
        ]),
        2,
        1,
      ),
    ).toBeNull();
    const many = Array.from({ length: 257 }, (_, i) => [i & 0xff, i >> 8, 0, 255]);
    expect(palettePng(rgba(many), 257, 1)).toBeNull();
    expect(palettePng(rgba(many.slice(0, 256)), 256, 1)).not.toBeNull();
  });
});
