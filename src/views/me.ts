// `/cx-me` (Slack) and `me` (Teams): what the core's MeOutcome says, as neutral copy and rows.
// Each door lays it out — Block Kit lines in Slack, a FactSet card in Teams.
import type { MeOutcome, Overview } from "../core/checkins/service.js";
import type { Language } from "../core/shared/model.js";
import { longDate, ratingSparkline } from "../prompts/format.js";
import { QUESTION_LABEL } from "../prompts/questions.js";
import { texts } from "../prompts/texts.js";

/** One question's row: its short name, the 12 weeks as bars, and the average (or why there is none). */
export interface OverviewRow {
  label: string;
  sparkline: string;
  average: string;
}

/** The leader's own trend; every string is neutral copy. */
export interface OverviewView {
  title: string;
  /** Set while nudges are paused. */
  paused: string | null;
  /** Set when there is nothing to show yet; `rows` is then empty. */
  empty: string | null;
  rows: OverviewRow[];
  /** The weeks shown and the streak, under the rows. */
  footer: string | null;
}

export type MeView = { kind: "text"; text: string } | { kind: "overview"; overview: OverviewView };

/** `pausedUntil` is already a date in the reader's words ("7 December 2026"). */
export function overviewView(overview: Overview, language: Language, pausedUntil: string | null): OverviewView {
  const t = texts(language);
  const answered = overview.answers > 0;
  return {
    title: t.meTitle,
    paused: pausedUntil ? t.mePaused(pausedUntil) : null,
    empty: answered ? null : t.meEmpty,
    rows: answered
      ? overview.trends.map((trend) => ({
          label: QUESTION_LABEL[language][trend.question],
          sparkline: ratingSparkline(trend.ratings),
          average:
            trend.average === null
              ? t.meNoAnswers
              : t.meAverage(trend.average.toLocaleString(language, { maximumFractionDigits: 1 })),
        }))
      : [],
    footer: answered
      ? `${overview.weeks[0]} → ${overview.weeks[overview.weeks.length - 1]} · ${t.streak(overview.streak)}`
      : null,
  };
}

/** The reply to `me …`, with dates in the reader's language and time zone. */
export function meView(outcome: MeOutcome, language: Language, timeZone: string): MeView {
  const t = texts(language);
  switch (outcome.kind) {
    case "usage":
      return { kind: "text", text: t.pauseUsage };
    case "resumed":
      return { kind: "text", text: t.resumed };
    case "not-leader":
      return { kind: "text", text: t.notALeader };
    case "paused":
      return { kind: "text", text: t.paused(longDate(outcome.until, language, timeZone)) };
    case "overview": {
      const paused = outcome.pausedUntil && longDate(outcome.pausedUntil, language, timeZone);
      return { kind: "overview", overview: overviewView(outcome.overview, language, paused) };
    }
  }
}
