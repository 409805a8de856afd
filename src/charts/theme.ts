// The look every chart shares: one font (the one the server renders with), dark text on white,
// colours from the Okabe–Ito set (told apart with every common colour-vision deficiency), and
// numbers in the reader's format, taken from the same Intl locale as the digest's text.
import type { Config } from "vega-lite";
import type { Tone } from "../core/presence/classifier.js";
import type { Language } from "../core/shared/model.js";
import { locale } from "../prompts/format.js";

export const FONT = "DejaVu Sans";

export const INK = "#1f1f1f";
const MUTED_INK = "#4d4d4d";
const GRID = "#e0e0e0";

export const TONE_COLOUR: Record<Tone, string> = {
  positive: "#009e73", // bluish green
  neutral: "#56b4e9", // sky blue
  negative: "#d55e00", // vermilion
};

/** Weeks withheld for too few people: a pale band, clearly not a bar of height zero. */
export const WITHHELD_FILL = "#ebebeb";
export const WITHHELD_INK = MUTED_INK;

/** A d3-format locale ("12 %" and "3,5" in German) from Intl, so charts and text agree. */
export function numberLocale(language: Language) {
  const parts = new Intl.NumberFormat(locale(language)).formatToParts(12345.6);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const percentParts = new Intl.NumberFormat(locale(language), { style: "percent" }).formatToParts(0.12);
  const afterNumber = percentParts.slice(percentParts.findIndex((p) => p.type === "integer") + 1);
  return {
    decimal: part("decimal"),
    thousands: part("group"),
    grouping: [3],
    currency: ["", ""] as [string, string],
    percent: afterNumber.map((p) => p.value).join(""),
  };
}

export function chartConfig(language: Language): Config {
  return {
    font: FONT,
    background: "white",
    padding: 8,
    view: { stroke: null },
    title: { fontSize: 14, fontWeight: "bold", color: INK, anchor: "start", offset: 12 },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      labelColor: INK,
      titleColor: MUTED_INK,
      titleFontWeight: "normal",
      gridColor: GRID,
      domainColor: MUTED_INK,
      tickColor: MUTED_INK,
    },
    legend: {
      orient: "bottom",
      labelFontSize: 11,
      titleFontSize: 11,
      labelColor: INK,
      titleColor: MUTED_INK,
      titleFontWeight: "normal",
      symbolType: "square",
      labelLimit: 0,
      titleLimit: 0,
    },
    locale: { number: numberLocale(language) },
  };
}

export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * How a fixed-size chart spec starts: its title, which is also its description for screen
 * readers, a size the plot fits into with its axes and legend, and the shared look.
 */
export function fittedFrame(title: string, size: { width: number; height: number }, language: Language) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: title,
    title,
    ...size,
    autosize: { type: "fit", contains: "padding" } as const,
    config: chartConfig(language),
  };
}
