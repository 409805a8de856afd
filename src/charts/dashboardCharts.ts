// The dashboard's charts as Vega-Lite specs, in the look every chart shares (theme.ts). A week
// withheld (too few people, or no digest yet) is a labelled pale band, never a bar of zero —
// the same convention as the digest's presence chart, which the dashboard reuses as it is.
import type { TopLevelSpec } from "vega-lite";
import type { Language } from "../core/shared/model.js";
import { chartConfig, fittedFrame, INK, VEGA_LITE_SCHEMA, WITHHELD_FILL, WITHHELD_INK } from "./theme.js";

/** Okabe–Ito, as the tones: one colour per question, told apart with colour-vision deficiencies. */
const SERIES = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"];
const BAR = "#0072b2";

/** Wide enough for 26 week labels side by side. */
export const WEEKLY_SIZE = { width: 860, height: 280 };

export interface WeeklyBarsView {
  title: string;
  /** The week labels shown on the axis, oldest first. */
  labels: string[];
  /** One value per label; null where the week is withheld. */
  values: (number | null)[];
  axisTitle: string;
  /** d3 format of the values: ".0%" for shares, "d" for counts. */
  format: string;
  /** What a withheld week's band says, per week (why it is withheld). */
  withheld: (string | null)[];
}

/** One bar per week, the value on top, withheld weeks as labelled bands. */
export function weeklyBarsSpec(view: WeeklyBarsView, language: Language): TopLevelSpec {
  const rows = view.labels.map((week, i) =>
    view.values[i] === null
      ? { week, withheld: true, reason: view.withheld[i] ?? "" }
      : { week, value: view.values[i] },
  );
  const highest = Math.max(0, ...view.values.map((v) => v ?? 0));
  const top = view.format.endsWith("%")
    ? Math.min(1, Math.max(0.01, highest * 1.15))
    : Math.max(1, Math.ceil(highest * 1.15));
  return {
    ...fittedFrame(view.title, WEEKLY_SIZE, language),
    data: { values: rows },
    encoding: {
      x: {
        field: "week",
        type: "ordinal",
        scale: { domain: view.labels, paddingInner: 0.25 },
        title: null,
        axis: { labelAngle: 0 },
      },
    },
    layer: [
      {
        transform: [{ filter: "datum.withheld" }],
        mark: { type: "bar", y: 0, y2: { expr: "height" }, fill: WITHHELD_FILL },
        encoding: {
          tooltip: [
            { field: "week", type: "ordinal", title: "" },
            { field: "reason", type: "nominal", title: "" },
          ],
        },
      },
      {
        transform: [{ filter: "datum.withheld" }],
        mark: { type: "text", angle: 270, y: { expr: "height / 2" }, fontSize: 10, fill: WITHHELD_INK },
        encoding: { text: { field: "reason", type: "nominal" } },
      },
      {
        transform: [{ filter: "!datum.withheld" }],
        mark: { type: "bar", color: BAR, tooltip: true },
        encoding: {
          y: {
            field: "value",
            type: "quantitative",
            scale: { domain: [0, top] },
            axis: { format: view.format, title: view.axisTitle, tickMinStep: view.format === "d" ? 1 : undefined },
          },
          tooltip: [
            { field: "week", type: "ordinal", title: "" },
            { field: "value", type: "quantitative", format: view.format, title: view.axisTitle },
          ],
        },
      },
      {
        transform: [{ filter: "!datum.withheld" }],
        mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 10, color: INK },
        encoding: {
          y: { field: "value", type: "quantitative" },
          text: { field: "value", type: "quantitative", format: view.format },
        },
      },
    ],
  };
}

export interface SeriesView {
  title: string;
  labels: string[];
  /** Per series (a question), one value per week label; nulls are left out, never drawn as 0. */
  series: { name: string; values: (number | null)[] }[];
  axisTitle: string;
  domain: [number, number];
  legendTitle: string;
}

/** A line per series over the weeks, with points, so a lone week still shows. */
export function weeklyLinesSpec(view: SeriesView, language: Language): TopLevelSpec {
  const rows = view.series.flatMap((s) =>
    view.labels.flatMap((week, i) =>
      s.values[i] === null || s.values[i] === undefined ? [] : [{ week, series: s.name, value: s.values[i] }],
    ),
  );
  return {
    ...fittedFrame(view.title, WEEKLY_SIZE, language),
    data: { values: rows },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: { field: "week", type: "ordinal", scale: { domain: view.labels }, title: null, axis: { labelAngle: 0 } },
      y: {
        field: "value",
        type: "quantitative",
        scale: { domain: view.domain },
        axis: { title: view.axisTitle, format: ".1f" },
      },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: view.series.map((s) => s.name), range: SERIES },
        legend: { title: view.legendTitle },
      },
      tooltip: [
        { field: "series", type: "nominal", title: view.legendTitle },
        { field: "week", type: "ordinal", title: "" },
        { field: "value", type: "quantitative", format: ".1f", title: view.axisTitle },
      ],
    },
  };
}

export interface CategoryBarsView {
  title: string;
  categories: string[];
  values: number[];
  axisTitle: string;
}

/** Horizontal bars in the given order (a status funnel, touchpoints), counts at their ends. */
export function categoryBarsSpec(view: CategoryBarsView, language: Language): TopLevelSpec {
  const rows = view.categories.map((category, i) => ({ category, value: view.values[i] ?? 0 }));
  const y = { field: "category", type: "nominal", sort: view.categories, title: null } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: view.title,
    title: view.title,
    width: 420,
    height: { step: 26 },
    config: chartConfig(language),
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", color: BAR, tooltip: true },
        encoding: {
          x: {
            field: "value",
            type: "quantitative",
            axis: { title: view.axisTitle, tickMinStep: 1, format: "d" },
            scale: { domainMin: 0, nice: true },
          },
          tooltip: [
            { field: "category", type: "nominal", title: "" },
            { field: "value", type: "quantitative", format: "d", title: view.axisTitle },
          ],
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 11, color: INK },
        encoding: {
          x: { field: "value", type: "quantitative" },
          text: { field: "value", type: "quantitative", format: "d" },
        },
      },
    ],
  };
}
