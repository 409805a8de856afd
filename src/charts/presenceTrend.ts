// Customer presence over the weeks as a Vega-Lite spec: per week, the share of all messages that
// were about customers, stacked by the tone the team used (appreciative, factual, disparaging),
// with the total on top. A week withheld for too few people is a labelled pale band across the
// whole height, so it can never be read as a week of zero.
import type { TopLevelSpec } from "vega-lite";
import type { Tone } from "../core/presence/classifier.js";
import type { ToneShares } from "../core/presence/ports.js";
import type { Language } from "../core/shared/model.js";
import { presenceTexts } from "../prompts/presenceTexts.js";
import { fittedFrame, TONE_COLOUR, WITHHELD_FILL, WITHHELD_INK } from "./theme.js";

export interface PresenceTrendView {
  /** ISO weeks ("2026-W41"), oldest first; the last is the reported week. */
  weeks: string[];
  /** Per week, the shares of all messages by tone; null where too few people wrote. */
  tones: (ToneShares | null)[];
}

/** Bottom to top: the stack grows from appreciative to disparaging. */
export const TONE_ORDER: Tone[] = ["positive", "neutral", "negative"];

/** The whole image in CSS pixels (title, axes and legend included). */
export const PRESENCE_TREND_SIZE = { width: 560, height: 300 };

export function presenceTrendSpec(view: PresenceTrendView, language: Language): TopLevelSpec {
  const t = presenceTexts(language);
  const labels = view.weeks.map(t.chartWeek);
  const rows = view.weeks.flatMap((_, i): Record<string, unknown>[] => {
    const tones = view.tones[i];
    if (!tones) return [{ week: labels[i]!, withheld: true }];
    return TONE_ORDER.map((tone, order) => ({ week: labels[i]!, tone: t.tones[tone], share: tones[tone], order }));
  });
  const highest = Math.max(0, ...view.tones.map((s) => (s ? s.positive + s.neutral + s.negative : 0)));
  const title = t.chartTitle(view.weeks.length, view.weeks[view.weeks.length - 1] ?? "");
  const x = {
    field: "week",
    type: "ordinal",
    scale: { domain: labels, paddingInner: 0.25 },
    title: null,
    axis: { labelAngle: 0 },
  } as const;
  return {
    ...fittedFrame(title, PRESENCE_TREND_SIZE, language),
    data: { values: rows },
    encoding: { x },
    layer: [
      {
        transform: [{ filter: "datum.withheld" }],
        mark: { type: "bar", y: 0, y2: { expr: "height" }, fill: WITHHELD_FILL },
      },
      {
        transform: [{ filter: "datum.withheld" }],
        mark: {
          type: "text",
          angle: 270,
          y: { expr: "height / 2" },
          fontSize: 11,
          fill: WITHHELD_INK,
          text: t.notEnough,
        },
      },
      {
        transform: [{ filter: "!datum.withheld" }],
        mark: { type: "bar" },
        encoding: {
          // Headroom above the highest bar for its total.
          y: {
            field: "share",
            type: "quantitative",
            stack: "zero",
            scale: { domain: [0, Math.max(0.01, highest * 1.12)] },
            axis: { format: ".0%", title: t.chartAxis },
          },
          color: {
            field: "tone",
            type: "nominal",
            scale: {
              domain: TONE_ORDER.map((tone) => t.tones[tone]),
              range: TONE_ORDER.map((tone) => TONE_COLOUR[tone]),
            },
            legend: { title: t.toneTitle },
          },
          order: { field: "order" },
        },
      },
      {
        transform: [
          { filter: "!datum.withheld" },
          { aggregate: [{ op: "sum", field: "share", as: "total" }], groupby: ["week"] },
        ],
        mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 11, fontWeight: "bold" },
        encoding: {
          y: { field: "total", type: "quantitative" },
          text: { field: "total", type: "quantitative", format: ".0%" },
        },
      },
    ],
  };
}
