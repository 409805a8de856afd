// The leader mirror as a Vega-Lite spec (issue 12): per question two bars side by side, the
// leader's own view and the team's average on the same 1–5 scale. A question without a team
// figure (too few could judge) gets no team bar and says so under its name, so a missing bar is
// never read as a low rating.
import type { TopLevelSpec } from "vega-lite";
import type { MirrorResults } from "../core/mirror/ports.js";
import type { Language } from "../core/shared/model.js";
import { mirrorTexts } from "../prompts/mirrorTexts.js";
import { QUESTION_LABEL } from "../prompts/questions.js";
import { fittedFrame } from "./theme.js";

/** Okabe–Ito: orange for self, blue for team (told apart with every common colour-vision deficiency). */
const SELF_COLOUR = "#e69f00";
const TEAM_COLOUR = "#0072b2";

export const MIRROR_CHART_SIZE = { width: 560, height: 300 };

export function mirrorChartSpec(results: MirrorResults, language: Language): TopLevelSpec {
  const t = mirrorTexts(language);
  const labels = results.questions.map((q) =>
    q.team === null ? `${QUESTION_LABEL[language][q.question]} (–)` : QUESTION_LABEL[language][q.question],
  );
  const rows = results.questions.flatMap((q, i) => [
    ...(q.self !== null ? [{ question: labels[i], who: t.self, value: q.self }] : []),
    ...(q.team !== null ? [{ question: labels[i], who: t.team, value: q.team }] : []),
  ]);
  return {
    ...fittedFrame(t.chartTitle, MIRROR_CHART_SIZE, language),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "question",
        type: "nominal",
        scale: { domain: labels, paddingInner: 0.25 },
        title: null,
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "who", type: "nominal", scale: { domain: [t.self, t.team] } },
      y: { field: "value", type: "quantitative", scale: { domain: [0, 5] }, axis: { tickCount: 5, title: "1–5" } },
      color: {
        field: "who",
        type: "nominal",
        scale: { domain: [t.self, t.team], range: [SELF_COLOUR, TEAM_COLOUR] },
        legend: { title: null },
      },
    },
  };
}
