// The weekly digest from aggregate counts: pure arithmetic, no I/O. Channels where fewer than
// `minAuthors` distinct people wrote in a week are folded into "other channels".
import type { Language } from "../shared/model.js";
import type {
  ChannelFigures,
  DigestReport,
  LeaderWeekStats,
  SuggestionWeekStats,
  ToneShares,
  WeekCounts,
} from "./ports.js";

export const TREND_WEEKS = 8;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A message about customers with neither tone counted is factual. */
const toneShares = (c: WeekCounts): ToneShares | null =>
  c.messages > 0
    ? {
        positive: c.positive / c.messages,
        neutral: (c.customer - c.positive - c.negative) / c.messages,
        negative: c.negative / c.messages,
      }
    : null;

function figures(
  channelRef: string | null,
  byWeek: Map<string, WeekCounts>,
  weeks: string[],
  minAuthors: number,
  allowed: (week: string) => boolean = () => true,
): ChannelFigures {
  const visible = (week: string) => {
    const c = byWeek.get(week);
    return c && c.authors >= minAuthors && allowed(week) ? c : undefined;
  };
  const trend = weeks.map((week) => {
    const c = visible(week);
    return c ? share(c.customer, c.messages) : null;
  });
  const toneTrend = weeks.map((week) => {
    const c = visible(week);
    return c ? toneShares(c) : null;
  });
  const week = weeks[weeks.length - 1]!;
  const current = visible(week);
  const counted = byWeek.get(week);
  const hidden = current
    ? null
    : !counted || counted.messages === 0
      ? "no-messages"
      : counted.authors < minAuthors
        ? "few-authors"
        : "small-rest";
  const now = trend[trend.length - 1] ?? null;
  const before = trend[trend.length - 2] ?? null;
  return {
    channelRef,
    messages: current?.messages ?? 0,
    customerShare: now,
    positiveShare: current ? share(current.positive, current.customer) : null,
    negativeShare: current ? share(current.negative, current.customer) : null,
    hidden,
    change: now !== null && before !== null ? (now - before) * 100 : null,
    trend,
    toneTrend,
  };
}

function byWeek(rows: WeekCounts[]): Map<string, WeekCounts> {
  return new Map(rows.map((r) => [r.week, r]));
}

export interface DigestInput {
  language: Language;
  /** The TREND_WEEKS week labels, oldest first; the last one is the reported week. */
  weeks: string[];
  channelWeeks: WeekCounts[];
  workspaceWeeks: WeekCounts[];
  /** Per week: the channels with too few authors that week, combined (distinct authors across them). */
  otherWeeks: WeekCounts[];
  leaders: LeaderWeekStats;
  suggestions: SuggestionWeekStats;
  minAuthors: number;
  bullets?: string[];
}

/** The channels with too few distinct authors in `week` to be shown on their own. */
export function foldedChannels(channelWeeks: WeekCounts[], week: string, minAuthors: number): string[] {
  return channelWeeks.filter((c) => c.week === week && c.authors < minAuthors).map((c) => c.channelRef);
}

/** What the presence figures are computed from: the counts of the weeks shown, oldest first. */
export type PresenceInput = Pick<
  DigestInput,
  "weeks" | "channelWeeks" | "workspaceWeeks" | "otherWeeks" | "minAuthors"
>;

export type PresenceFigures = Pick<DigestReport, "channels" | "other" | "workspace">;

/**
 * Channels, "other channels" and the whole workspace over `weeks`: the one place these figures
 * are computed, for the digest (8 weeks) and the dashboard (26 weeks) alike.
 */
export function presenceFigures(input: PresenceInput): PresenceFigures {
  const { weeks, minAuthors } = input;
  const week = weeks[weeks.length - 1]!;
  const perChannel = new Map<string, WeekCounts[]>();
  for (const row of input.channelWeeks) {
    const rows = perChannel.get(row.channelRef);
    if (rows) rows.push(row);
    else perChannel.set(row.channelRef, [row]);
  }
  const channels = [...perChannel.entries()]
    .filter(([, rows]) => rows.some((r) => r.week === week && r.authors >= minAuthors))
    .map(([ref, rows]) => figures(ref, byWeek(rows), weeks, minAuthors))
    .sort((a, b) => b.messages - a.messages);
  const other = byWeek(input.otherWeeks);
  const otherFigures = figures(null, other, weeks, minAuthors);
  // The whole workspace minus the channels shown is the folded rest: show a week's workspace
  // figures only when that rest is itself large enough (or empty), or subtraction would reveal it.
  const restIsSafe = (w: string) => {
    const folded = foldedChannels(input.channelWeeks, w, minAuthors);
    return folded.length === 0 || (other.get(w)?.authors ?? 0) >= minAuthors;
  };
  return {
    channels,
    other: otherFigures.customerShare !== null ? otherFigures : null,
    workspace: figures(null, byWeek(input.workspaceWeeks), weeks, minAuthors, restIsSafe),
  };
}

export function buildDigest(input: DigestInput): DigestReport {
  const { weeks, minAuthors } = input;
  // "1 of 1 nudges answered" would describe one person: leader figures need a group too.
  const leadersShown = input.leaders.leaders >= minAuthors;
  return {
    week: weeks[weeks.length - 1]!,
    weeks,
    language: input.language,
    ...presenceFigures(input),
    leaders: {
      ...input.leaders,
      answeredShare: leadersShown ? share(input.leaders.answered, input.leaders.nudged) : null,
    },
    suggestions: input.suggestions,
    bullets: input.bullets ?? [],
    minAuthors,
  };
}

/** Aggregates for the optional LLM summary: numbers and channel ids only, never text. */
export function summaryFacts(report: DigestReport): Record<string, unknown> {
  const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 10);
  return {
    week: report.week,
    workspace: {
      messages: report.workspace.messages,
      customerSharePercent: round(report.workspace.customerShare),
      changePoints: report.workspace.change,
      positivePercent: round(report.workspace.positiveShare),
      negativePercent: round(report.workspace.negativeShare),
      trendPercent: report.workspace.trend.map(round),
    },
    channels: report.channels.slice(0, 20).map((c, i) => ({
      channel: `channel-${i + 1}`,
      messages: c.messages,
      customerSharePercent: round(c.customerShare),
      changePoints: c.change,
      negativePercent: round(c.negativeShare),
    })),
    leadersAnsweredPercent: round(report.leaders.answeredShare),
    newSuggestions: report.suggestions.created,
  };
}
