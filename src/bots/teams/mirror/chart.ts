// The mirror's chart as Teams draws it (Chart.VerticalBar.Grouped: per question the leader's own
// view and the team's average side by side, in the reader's theme, a few hundred bytes), with
// the PNG of src/charts/mirror.ts for clients that cannot draw it. Same data as that spec: a
// question without a team figure has no team bar and says so under its name.
import type { MirrorResults } from "../../../core/mirror/ports.js";
import type { Language } from "../../../core/shared/model.js";
import { mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { QUESTION_LABEL } from "../../../prompts/questions.js";
import type { VerticalBarChart } from "../adaptiveCard.js";

/** Teams chart colour names nearest the PNG's Okabe–Ito orange (self) and blue (team). */
const SELF_COLOUR = "categoricalMarigold";
const TEAM_COLOUR = "categoricalBlue";

/** `png`: the fallback image; without it a client that cannot draw charts shows none. Null: nothing to draw. */
export function mirrorChartElement(
  results: MirrorResults,
  language: Language,
  png: Buffer | null,
): VerticalBarChart | null {
  const t = mirrorTexts(language);
  const x = (q: MirrorResults["questions"][number]) =>
    q.team === null ? `${QUESTION_LABEL[language][q.question]} (–)` : QUESTION_LABEL[language][q.question];
  const series = [
    {
      legend: t.self,
      color: SELF_COLOUR,
      values: results.questions.flatMap((q) => (q.self === null ? [] : [{ x: x(q), y: q.self }])),
    },
    {
      legend: t.team,
      color: TEAM_COLOUR,
      values: results.questions.flatMap((q) => (q.team === null ? [] : [{ x: x(q), y: q.team }])),
    },
  ].filter((s) => s.values.length > 0);
  if (series.length === 0) return null;
  // Teams may lay out the axis in the order it first meets the questions: the series that names
  // the most of them goes first (a stable sort keeps Self first when both name all five).
  series.sort((a, b) => b.values.length - a.values.length);
  return {
    type: "Chart.VerticalBar.Grouped",
    title: t.chartTitle,
    yAxisTitle: "1–5",
    data: series,
    fallback: png
      ? {
          type: "Image",
          url: `data:image/png;base64,${png.toString("base64")}`,
          altText: t.chartTitle,
          size: "Stretch",
        }
      : "drop",
  };
}
