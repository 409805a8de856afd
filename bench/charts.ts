// 7. The digest's trend chart rendered on the server: Vega-Lite spec → SVG (vega) → PNG (resvg,
// DejaVu Sans from npm), as Teams' card fallback (1×) and Slack's upload (2×), against its own
// parts measured in the same run: vega alone (what a browser would also do) and resvg alone.
//   npm run bench -- charts [--renders 40]
import { performance } from "node:perf_hooks";
import { Resvg } from "@resvg/resvg-js";
import { type PresenceTrendView, presenceTrendSpec } from "../src/charts/presenceTrend.js";
import { chartPng, chartSvg } from "../src/charts/render.js";
import { heading, intFlag, machine, main, note, result, table, timeRuns, verdict } from "./lib/common.js";

/** Untimed renders first: JIT and caches. */
const WARMUP = 3;

const VIEW: PresenceTrendView = {
  weeks: ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"],
  tones: [0.15, 0.17, 0.19, null, 0.2, 0.22, 0.21, 0.23].map((total) =>
    total === null ? null : { positive: total * 0.5, neutral: total * 0.4, negative: total * 0.1 },
  ),
};

main(async () => {
  const renders = intFlag("renders", 40);
  heading("Digest trend chart: Vega-Lite → SVG → PNG, one core");
  note(machine());
  const spec = presenceTrendSpec(VIEW, "de");
  const coldStart = performance.now();
  await chartPng(spec);
  const cold = performance.now() - coldStart;
  note(`first render in this process (fonts read, code compiled): ${cold.toFixed(0)} ms`);

  const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map(
    (f) => new URL(`../node_modules/dejavu-fonts-ttf/ttf/${f}`, import.meta.url).pathname,
  );
  const svg = await chartSvg(spec);
  const [teams, slack, vegaOnly, resvgOnly] = [
    await timeRuns(renders, () => chartPng(spec), WARMUP),
    await timeRuns(renders, () => chartPng(spec, 2), WARMUP),
    await timeRuns(renders, () => chartSvg(spec), WARMUP),
    await timeRuns(
      renders,
      async () => new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts } }).render().asPng(),
      WARMUP,
    ),
  ];
  const [teamsBytes, slackBytes] = [(await chartPng(spec)).length, (await chartPng(spec, 2)).length];
  table([
    ["step", "p50 ms", "p95 ms", "max ms", "CPU p50 ms", "PNG bytes"],
    ["chartPng 1× (560×300, Teams fallback)", teams.p50, teams.p95, teams.max, teams.cpuP50, teamsBytes],
    ["chartPng 2× (1120×600, Slack upload)", slack.p50, slack.p95, slack.max, slack.cpuP50, slackBytes],
    ["baseline: vega alone, spec → SVG", vegaOnly.p50, vegaOnly.p95, vegaOnly.max, vegaOnly.cpuP50, "-"],
    ["baseline: resvg alone, SVG → RGBA PNG 1×", resvgOnly.p50, resvgOnly.p95, resvgOnly.max, resvgOnly.cpuP50, "-"],
  ]);
  note(
    `${renders} renders each after 3 warm-up renders; wall-clock times include waiting for a core when others run, CPU time does not`,
  );
  // "On one core": CPU time is the render's own cost; wall-clock time adds the wait for a core,
  // which on a shared machine says more about the neighbours than about the chart.
  const worst = Math.max(teams.cpuP50, slack.cpuP50);
  verdict(
    worst <= 200,
    `a chart renders in ${teams.cpuP50.toFixed(0)} ms (1×) and ${slack.cpuP50.toFixed(0)} ms (2×) of CPU at the median (target ≤ 200 ms); wall clock ${teams.p50.toFixed(0)} / ${slack.p50.toFixed(0)} ms`,
  );
  result("charts", {
    renders,
    coldMs: cold,
    teamsP50: teams.p50,
    teamsP95: teams.p95,
    teamsCpuP50: teams.cpuP50,
    slackP50: slack.p50,
    slackP95: slack.p95,
    slackCpuP50: slack.cpuP50,
    vegaP50: vegaOnly.p50,
    resvgP50: resvgOnly.p50,
    teamsBytes,
    slackBytes,
  });
});
