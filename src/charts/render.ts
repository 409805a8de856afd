// Server-side rendering of a Vega-Lite spec: vega lays it out and writes SVG, resvg draws that as
// PNG. Both use DejaVu Sans from npm and no system font, so every machine draws the same image,
// and vega measures text with that font's own metrics, so no label is cut short or misplaced.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FontMetrics } from "./fontMetrics.js";
import { palettePng } from "./palettePng.js";
import { FONT } from "./theme.js";

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** vega's text measuring hook (exported by vega-scenegraph, missing from vega's typings). */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

interface Fonts {
  files: string[];
  regular: FontMetrics;
  bold: FontMetrics;
}

let fonts: Fonts | undefined;

/** Loads the fonts once, and points vega's text measuring at them (vl-convert does the same). */
function setUp(): Fonts {
  if (fonts) return fonts;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const [regular, bold] = [path.join(dir, "DejaVuSans.ttf"), path.join(dir, "DejaVuSans-Bold.ttf")];
  const loaded: Fonts = {
    files: [regular, bold],
    regular: FontMetrics.parse(fs.readFileSync(regular)),
    bold: FontMetrics.parse(fs.readFileSync(bold)),
  };
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) => {
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const heavy = item.fontWeight === "bold" || item.fontWeight === "bolder" || Number(item.fontWeight) >= 600;
    return (heavy ? loaded.bold : loaded.regular).width(text == null ? "" : String(text).trim(), size);
  };
  fonts = loaded;
  return loaded;
}

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  setUp();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** `scale` 2 draws every pixel of the spec's size as 2×2, for sharp images on high-density screens. */
export async function chartPng(spec: TopLevelSpec, scale = 1): Promise<Buffer> {
  const { files } = setUp();
  const svg = await chartSvg(spec);
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT, sansSerifFamily: FONT },
  }).render();
  return palettePng(image.pixels, image.width, image.height) ?? image.asPng();
}
