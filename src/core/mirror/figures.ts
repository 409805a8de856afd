// The mirror's arithmetic: pure functions from a round's histogram, the leader's self view and
// the conversation evidence to the figures the leader sees — and from many leaders' rounds to
// the organisation's mirror. No I/O, so every rule (minimum answers, spread, labels) is tested
// with plain objects.
import { QUESTION_KEYS, type QuestionKey } from "../shared/questions.js";
import type { Evidence, MirrorLabel, MirrorResults, MirrorRound, OrgMirror, QuestionFigures, Tally } from "./ports.js";

/** The spread of fewer answers says too much about the people behind them. */
export const SPREAD_MIN = 5;
/** Self at least this much above the team: a blind spot; team this much above self: a hidden strength. */
export const LABEL_GAP = 1.0;
/** The organisation's mirror needs this many leaders' rounds in a quarter, so it never describes one. */
export const ORG_MIN_LEADERS = 3;

export function emptyTally(): Tally {
  return Object.fromEntries(QUESTION_KEYS.map((q) => [q, [0, 0, 0, 0, 0, 0]])) as Tally;
}

/** Rounded to two decimals for display and storage, so stored and shown figures agree. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function label(self: number | null, team: number | null): MirrorLabel | null {
  if (self === null || team === null) return null;
  // Compared on rounded figures: what the leader reads is what was judged.
  const gap = round2(self - team);
  if (gap >= LABEL_GAP) return "blind-spot";
  if (-gap >= LABEL_GAP) return "hidden-strength";
  return "aligned";
}

/** Average and (population) standard deviation of one question's ratings 1–5. */
export function ratingStats(counts: number[]): { answered: number; average: number | null; spread: number | null } {
  let answered = 0;
  let sum = 0;
  for (let r = 1; r <= 5; r++) {
    answered += counts[r] ?? 0;
    sum += r * (counts[r] ?? 0);
  }
  if (answered === 0) return { answered, average: null, spread: null };
  const average = sum / answered;
  let squares = 0;
  for (let r = 1; r <= 5; r++) squares += (counts[r] ?? 0) * (r - average) ** 2;
  return { answered, average, spread: Math.sqrt(squares / answered) };
}

export function roundFigures(input: {
  tally: Tally;
  responses: number;
  invited: number;
  self: Partial<Record<QuestionKey, number>>;
  selfSource: MirrorResults["selfSource"];
  evidence: Partial<Record<QuestionKey, Evidence>>;
  minResponses: number;
}): MirrorResults {
  const questions: QuestionFigures[] = QUESTION_KEYS.map((question) => {
    const stats = ratingStats(input.tally[question]);
    const shown = stats.answered >= input.minResponses;
    const team = shown && stats.average !== null ? round2(stats.average) : null;
    const self = input.self[question] !== undefined ? round2(input.self[question]!) : null;
    return {
      question,
      self,
      answered: stats.answered,
      team,
      spread: shown && stats.answered >= SPREAD_MIN && stats.spread !== null ? round2(stats.spread) : null,
      gap: self !== null && team !== null ? round2(self - team) : null,
      label: label(self, team),
      evidence: input.evidence[question] ?? null,
    };
  });
  // Below the minimum the count of answers is itself withheld: "2 of 7 could judge" narrows it down.
  for (const q of questions) if (q.team === null) q.answered = 0;
  return { responses: input.responses, invited: input.invited, questions, selfSource: input.selfSource };
}

/** Whole round below the minimum: nothing may be shown. */
export function isWithheld(responses: number, minResponses: number): boolean {
  return responses < minResponses;
}

/** Calendar quarter of a date in a time zone's terms is close enough at UTC for a quarterly report. */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/**
 * The organisation's mirror from the shown rounds of one quarter: per question the average of
 * the leaders' self figures and of their team figures, and the share of leaders with a blind
 * spot there. Only with at least ORG_MIN_LEADERS leaders, and per question only over leaders
 * who have both figures, and again only when that is at least ORG_MIN_LEADERS.
 */
export function orgMirror(quarter: string, rounds: MirrorRound[]): OrgMirror | null {
  // One round per leader: the latest of the quarter.
  const latest = new Map<string, MirrorRound>();
  for (const r of rounds) {
    const seen = latest.get(r.leaderId);
    if (r.results && (!seen || (r.closedAt?.getTime() ?? 0) > (seen.closedAt?.getTime() ?? 0)))
      latest.set(r.leaderId, r);
  }
  if (latest.size < ORG_MIN_LEADERS) return null;
  const results = [...latest.values()].map((r) => r.results!);
  return {
    quarter,
    leaders: latest.size,
    questions: QUESTION_KEYS.map((question) => {
      const both = results
        .map((r) => r.questions.find((q) => q.question === question))
        .filter((q): q is QuestionFigures => q?.self != null && q.team != null);
      if (both.length < ORG_MIN_LEADERS) return { question, self: null, team: null, blindSpotShare: null };
      const mean = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
      return {
        question,
        self: mean(both.map((q) => q.self!)),
        team: mean(both.map((q) => q.team!)),
        blindSpotShare: both.filter((q) => q.label === "blind-spot").length / both.length,
      };
    }),
  };
}
