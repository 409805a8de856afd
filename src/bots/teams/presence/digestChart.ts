// The digest's trend as a chart Teams draws itself (Chart.VerticalBar.Grouped, stacked: it
// follows the reader's theme and costs a few hundred bytes), with the same chart as PNG for
// clients that cannot draw it. Same data as the Vega-Lite spec: share of all messages per week,
// stacked by tone; a week with too few people is a grey column labelled so, never a zero.
import { type PresenceTrendView, TONE_ORDER } from "../../../charts/presenceTrend.js";
import type { Tone } from "../../../core/presence/classifier.js";
import type { Language } from "../../../core/shared/model.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import type { VerticalBarChart } from "../adaptiveCard.js";

/** Teams chart colour names nearest the PNG's Okabe–Ito colours: blue-green and sky blue against marigold. */
const TONE_COLOUR: Record<Tone, string> = {
  positive: "categoricalTeal",
  neutral: "categoricalLightBlue",
  negative: "categoricalMarigold",
};

const percent = (share: number) => Math.round(share * 1000) / 10;

/** `png`: the fallback image; without it a client that cannot draw charts shows none. */
export function trendChartElement(view: PresenceTrendView, language: Language, png: Buffer | null): VerticalBarChart {
  const t = presenceTexts(language);
  const title = t.chartTitle(view.weeks.length, view.weeks[view.weeks.length - 1] ?? "");
  const weeks = view.weeks.map((week, i) => ({ x: t.chartWeek(week), tones: view.tones[i] ?? null }));
  const totals = weeks.map((w) => (w.tones ? percent(w.tones.positive + w.tones.neutral + w.tones.negative) : 0));
  // The grey column reaches as high as the highest bar: tall enough to see, and no figure of its own.
  const withheldHeight = Math.max(...totals);
  const data = TONE_ORDER.map((tone) => ({
    legend: t.tones[tone],
    color: TONE_COLOUR[tone],
    values: weeks.flatMap((w) => (w.tones ? [{ x: w.x, y: percent(w.tones[tone]) }] : [])),
  }));
  // The axis may take the weeks in the order Teams first meets them, so the grey series comes
  // first and names every week (zero where a week is shown): the tone series then carry no zero
  // for a withheld week that a tooltip could show as a figure.
  if (weeks.some((w) => !w.tones)) {
    data.unshift({
      legend: t.notEnough,
      color: "neutral",
      values: weeks.map((w) => ({ x: w.x, y: w.tones ? 0 : withheldHeight })),
    });
  }
  return {
    type: "Chart.VerticalBar.Grouped",
    stacked: true,
    title,
    yAxisTitle: t.chartAxisPercent,
    data,
    fallback: png
      ? { type: "Image", url: `data:image/png;base64,${png.toString("base64")}`, altText: title, size: "Stretch" }
      : "drop",
  };
}
