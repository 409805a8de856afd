// Turns the core's dashboard figures into what a page shows: sections of a chart (a Vega-Lite
// spec) and the table beneath it, which is also what the section's CSV holds. Pure functions,
// so the page, the CSV and the tests all see the same numbers.
import type { TopLevelSpec } from "vega-lite";
import { categoryBarsSpec, WEEKLY_SIZE, weeklyBarsSpec, weeklyLinesSpec } from "../charts/dashboardCharts.js";
import { presenceTrendSpec } from "../charts/presenceTrend.js";
import type { LeadersPage, PresencePage, SuggestionsPage } from "../core/dashboard/figures.js";
import type { ChannelFigures } from "../core/presence/ports.js";
import type { Language } from "../core/shared/model.js";
import { QUESTION_KEYS } from "../core/shared/questions.js";
import { dashboardTexts } from "../prompts/dashboardTexts.js";
import { count, decimal, percent, points } from "../prompts/format.js";
import { presenceTexts } from "../prompts/presenceTexts.js";
import { QUESTION_LABEL } from "../prompts/questions.js";
import { suggestionTexts } from "../prompts/suggestionTexts.js";

export type PageKey = "presence" | "leaders" | "suggestions";
export const PAGE_KEYS: PageKey[] = ["presence", "leaders", "suggestions"];

export interface Column {
  label: string;
  numeric?: boolean;
}

/** `text` is shown; `value` (a raw number, or null for "not shown") goes into the CSV and sorting. */
export interface Cell {
  text: string;
  value: string | number | null;
  href?: string;
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
  sortable?: boolean;
}

export interface Section {
  /** Also the CSV's file name: letters, digits and dashes. */
  id: string;
  title: string;
  spec?: TopLevelSpec;
  table: Table;
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface PageView {
  key: PageKey;
  title: string;
  intro: string;
  facts: { label: string; value: string }[];
  sections: Section[];
}

const cell = (text: string, value: string | number | null = text): Cell => ({ text, value });
const share = (value: number | null, language: Language, missing: string): Cell =>
  value === null ? cell(missing, null) : cell(percent(value, language), round(value));
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A channel's (or the workspace's) weeks: the chart from the digest's own spec, the table beneath it. */
function trendSection(
  id: string,
  title: string,
  figures: ChannelFigures,
  weeks: string[],
  language: Language,
): Section {
  const t = dashboardTexts(language);
  const pt = presenceTexts(language);
  const spec = { ...presenceTrendSpec({ weeks, tones: figures.toneTrend }, language), ...WEEKLY_SIZE };
  return {
    id,
    title,
    spec: { ...spec, title: `${title}: ${String(spec.title)}` },
    table: {
      columns: [
        { label: t.week },
        { label: t.shareCustomers, numeric: true },
        ...(["positive", "neutral", "negative"] as const).map((tone) => ({ label: pt.tones[tone], numeric: true })),
      ],
      rows: weeks.map((week, i) => {
        const tones = figures.toneTrend[i] ?? null;
        return [
          cell(week),
          share(figures.trend[i] ?? null, language, t.notEnough),
          share(tones?.positive ?? null, language, t.notEnough),
          share(tones?.neutral ?? null, language, t.notEnough),
          share(tones?.negative ?? null, language, t.notEnough),
        ];
      }),
    },
  };
}

export function channelPath(ref: string): string {
  return `presence/channel/${encodeURIComponent(ref)}`;
}

export function presenceView(page: PresencePage, language: Language): PageView {
  const t = dashboardTexts(language);
  const { weeks } = page;
  const latest = weeks[weeks.length - 1]!;
  const before = weeks[weeks.length - 2]!;
  const row = (name: string, f: ChannelFigures, href?: string): Cell[] => [
    { ...cell(name), ...(href ? { href } : {}) },
    cell(count(f.messages, language), f.messages),
    share(f.customerShare, language, t.notEnough),
    share(f.trend[f.trend.length - 2] ?? null, language, t.notEnough),
    f.change === null ? cell(t.none, null) : cell(points(f.change, language), Math.round(f.change * 100) / 100),
    share(f.positiveShare, language, t.notEnough),
    share(f.negativeShare, language, t.notEnough),
  ];
  const channels: Section = {
    id: "channels",
    title: t.channelsTitle,
    table: {
      sortable: true,
      columns: [
        { label: t.channel },
        { label: `${t.messages} ${latest}`, numeric: true },
        { label: t.thisWeek(latest), numeric: true },
        { label: t.lastWeek(before), numeric: true },
        { label: t.trend, numeric: true },
        { label: t.positiveOfCustomer, numeric: true },
        { label: t.negativeOfCustomer, numeric: true },
      ],
      rows: [
        ...page.channels.map((c) => row(c.channelRef!, c, channelPath(c.channelRef!))),
        ...(page.other ? [row(t.otherChannels, page.other)] : []),
      ],
    },
    empty: t.noChannels,
  };
  return {
    key: "presence",
    title: t.presenceTitle,
    intro: t.presenceIntro(page.minAuthors),
    facts: [],
    sections: [
      trendSection("workspace", t.workspaceChart, page.workspace, weeks, language),
      channels,
      ...(page.other ? [trendSection("other-channels", t.otherChannels, page.other, weeks, language)] : []),
    ],
  };
}

/** One channel's 26 weeks; null when the channel is not shown on its own (too few people, unknown). */
export function channelView(page: PresencePage, ref: string, language: Language): PageView | null {
  const t = dashboardTexts(language);
  const figures = page.channels.find((c) => c.channelRef === ref);
  if (!figures) return null;
  return {
    key: "presence",
    title: t.channelDetail(ref),
    intro: t.presenceIntro(page.minAuthors),
    facts: [],
    sections: [trendSection("channel", t.channelDetail(ref), figures, page.weeks, language)],
  };
}

export function leadersView(page: LeadersPage, language: Language): PageView {
  const t = dashboardTexts(language);
  const pt = presenceTexts(language);
  const labels = page.weeks.map(pt.chartWeek);
  const reason = (w: LeadersPage["perWeek"][number]) => (!w.frozen ? t.notFrozen : t.notEnough);
  const enough = (w: LeadersPage["perWeek"][number]) => w.frozen && w.leaders >= page.minLeaders;
  const answered: Section = {
    id: "answered",
    title: t.answeredChart,
    spec: weeklyBarsSpec(
      {
        title: t.answeredChart,
        labels,
        values: page.perWeek.map((w) => w.answeredShare),
        axisTitle: t.answeredAxis,
        format: ".0%",
        withheld: page.perWeek.map((w) => (w.answeredShare === null ? reason(w) : null)),
      },
      language,
    ),
    table: {
      columns: [
        { label: t.week },
        { label: t.leaders, numeric: true },
        { label: t.nudged, numeric: true },
        { label: t.answered, numeric: true },
        { label: t.answeredShare, numeric: true },
      ],
      rows: page.perWeek.map((w) =>
        w.frozen
          ? [
              cell(w.week),
              cell(count(w.leaders, language), w.leaders),
              cell(count(w.nudged, language), w.nudged),
              // "1 of 1 answered" would describe a person: the count goes with the share.
              enough(w) ? cell(count(w.answered, language), w.answered) : cell(t.notEnough, null),
              share(w.answeredShare, language, t.notEnough),
            ]
          : [
              cell(w.week),
              cell(t.notFrozen, null),
              cell(t.notFrozen, null),
              cell(t.notFrozen, null),
              cell(t.notFrozen, null),
            ],
      ),
    },
  };
  const names = QUESTION_LABEL[language];
  const averages: Section = {
    id: "averages",
    title: t.averagesChart,
    spec: weeklyLinesSpec(
      {
        title: t.averagesChart,
        labels,
        series: QUESTION_KEYS.map((q) => ({ name: names[q], values: page.perWeek.map((w) => w.averages[q]) })),
        axisTitle: t.averageAxis,
        domain: [1, 5],
        legendTitle: t.question,
      },
      language,
    ),
    table: {
      columns: [{ label: t.week }, ...QUESTION_KEYS.map((q) => ({ label: names[q], numeric: true }))],
      rows: page.perWeek.map((w) => [
        cell(w.week),
        ...QUESTION_KEYS.map((q) => {
          const average = w.averages[q];
          return average === null
            ? cell(w.frozen ? t.notEnough : t.notFrozen, null)
            : cell(decimal(average, language), Math.round(average * 100) / 100);
        }),
      ]),
    },
  };
  return {
    key: "leaders",
    title: t.leadersTitle,
    intro: t.leadersIntro(page.minLeaders),
    facts: [],
    sections: [answered, averages],
  };
}

function duration(hours: number, language: Language): string {
  const t = dashboardTexts(language);
  return hours < 48 ? t.hours(decimal(hours, language)) : t.days(decimal(hours / 24, language));
}

export function suggestionsView(page: SuggestionsPage, language: Language): PageView {
  const t = dashboardTexts(language);
  const st = suggestionTexts(language);
  const pt = presenceTexts(language);
  const countCell = (n: number) => cell(count(n, language), n);
  const sections: Section[] = [
    {
      id: "new-per-week",
      title: t.newChart,
      spec: weeklyBarsSpec(
        {
          title: t.newChart,
          labels: page.weeks.map(pt.chartWeek),
          values: page.newPerWeek.map((w) => w.count),
          axisTitle: t.newAxis,
          format: "d",
          withheld: [],
        },
        language,
      ),
      table: {
        columns: [{ label: t.week }, { label: t.count, numeric: true }],
        rows: page.newPerWeek.map((w) => [cell(w.week), countCell(w.count)]),
      },
    },
    {
      id: "status",
      title: t.funnelChart,
      spec: categoryBarsSpec(
        {
          title: t.funnelChart,
          categories: page.funnel.map((f) => st.status[f.status]),
          values: page.funnel.map((f) => f.count),
          axisTitle: t.count,
        },
        language,
      ),
      table: {
        columns: [{ label: t.status }, { label: t.count, numeric: true }],
        rows: page.funnel.map((f) => [cell(st.status[f.status]), countCell(f.count)]),
      },
    },
    {
      id: "touchpoints",
      title: t.touchpointChart,
      spec: categoryBarsSpec(
        {
          title: t.touchpointChart,
          categories: page.byTouchpoint.map((p) => st.touchpoint[p.touchpoint]),
          values: page.byTouchpoint.map((p) => p.count),
          axisTitle: t.count,
        },
        language,
      ),
      table: {
        columns: [{ label: t.touchpoint }, { label: t.count, numeric: true }],
        rows: page.byTouchpoint.map((p) => [cell(st.touchpoint[p.touchpoint]), countCell(p.count)]),
      },
    },
    {
      id: "top-voted",
      title: t.topTitle,
      table: {
        sortable: true,
        columns: [
          { label: t.number, numeric: true },
          { label: t.text },
          { label: t.votes, numeric: true },
          { label: t.status },
          { label: t.touchpoint },
        ],
        rows: page.top.map((s) => [
          cell(`#${s.number}`, s.number),
          cell(s.text),
          countCell(s.votes),
          cell(st.status[s.status as keyof typeof st.status] ?? s.status),
          cell(st.touchpoint[s.touchpoint as keyof typeof st.touchpoint] ?? s.touchpoint),
        ]),
      },
      empty: t.noTop,
    },
  ];
  const median =
    page.medianResponseHours === null
      ? t.noResponses
      : t.medianValue(duration(page.medianResponseHours, language), page.responded, page.total);
  return {
    key: "suggestions",
    title: t.suggestionsTitle,
    intro: t.suggestionsIntro,
    facts: [{ label: t.medianResponse, value: median }],
    sections,
  };
}
