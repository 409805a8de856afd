// Check-ins: a leader's rating (and optional reflection) per question and week, the streak
// that keeps the habit visible, and the 12-week overview.

import type { WorkspaceStore } from "../identity/ports.js";
import type { CheckIn, Member, Workspace } from "../shared/model.js";
import { QUESTION_KEYS, type QuestionKey, type Rating } from "../shared/questions.js";
import { addDays, isoWeek, localDateTime, recentWeeks } from "../shared/time.js";
import { cleanUserText } from "../shared/userText.js";
import type { MeCommand } from "./commands.js";
import type { CheckInStore } from "./ports.js";

export const REFLECTION_MAX_LENGTH = 2000;
export const OVERVIEW_WEEKS = 12;
/** The overview reads this many weeks (this one and 60 before it), so a streak shows up to 61. */
const STREAK_WINDOW_WEEKS = 61;

export type ReflectionCheck = { ok: true; value: string | null } | { ok: false; maxLength: number };

/** Cleans a reflection; empty becomes null, too long is refused (nothing is cut silently). */
export function checkReflection(text: string | null | undefined): ReflectionCheck {
  const value = cleanUserText(text ?? "");
  if (value.length > REFLECTION_MAX_LENGTH) return { ok: false, maxLength: REFLECTION_MAX_LENGTH };
  return { ok: true, value: value || null };
}

export function memberTimeZone(member: Member, workspace: Workspace): string {
  return member.timezone ?? workspace.timezone;
}

/**
 * Weeks in a row with at least one answer. The running week counts once answered, but an
 * unanswered running week does not break a streak that reached last week.
 */
export function streakFrom(answeredWeeksNewestFirst: string[], thisWeek: string, lastWeek: string): number {
  const answered = new Set(answeredWeeksNewestFirst);
  if (!answered.has(thisWeek) && !answered.has(lastWeek)) return 0;
  let streak = 0;
  let cursor = answered.has(thisWeek) ? thisWeek : lastWeek;
  const ordered = [...answered].sort().reverse();
  for (const week of ordered) {
    if (week > cursor) continue;
    if (week !== cursor) break;
    streak++;
    cursor = previousWeekLabel(cursor);
  }
  return streak;
}

/** "2026-W01" → "2025-W52" (or W53), computed through the calendar so year ends are right. */
function previousWeekLabel(week: string): string {
  const [yearText, weekText] = week.split("-W");
  const year = Number(yearText);
  // Monday of ISO week 1 is the Monday on or before January 4th.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = addDays({ year, month: 1, day: 4 }, -((jan4.getUTCDay() || 7) - 1));
  const monday = addDays(mondayWeek1, (Number(weekText) - 1) * 7);
  return isoWeek(addDays(monday, -7));
}

export interface QuestionTrend {
  question: QuestionKey;
  /** One entry per week of `weeks`, null where unanswered. */
  ratings: (Rating | null)[];
  average: number | null;
}

export interface Overview {
  weeks: string[];
  trends: QuestionTrend[];
  streak: number;
  answers: number;
}

/** What `/cx-me …` (Slack) or `me …` (Teams) did, for the door to render. */
export type MeOutcome =
  | { kind: "usage" }
  | { kind: "resumed" }
  | { kind: "not-leader" }
  | { kind: "paused"; until: Date }
  | { kind: "overview"; overview: Overview; pausedUntil: Date | null };

export class CheckInService {
  constructor(
    private readonly store: CheckInStore,
    private readonly members: Pick<WorkspaceStore, "updateMember">,
  ) {}

  /** The leader's own commands: the overview, pause for a while, resume. */
  async me(member: Member, workspace: Workspace, command: MeCommand, now: Date): Promise<MeOutcome> {
    switch (command.kind) {
      case "usage":
        return { kind: "usage" };
      case "resume":
        await this.members.updateMember(member.id, { pausedUntil: null });
        return { kind: "resumed" };
      case "pause": {
        if (!member.isLeader) return { kind: "not-leader" };
        const until = new Date(now.getTime() + command.days * 86400_000);
        await this.members.updateMember(member.id, { pausedUntil: until });
        return { kind: "paused", until };
      }
      case "overview": {
        const overview = await this.overview(member, workspace, now);
        return {
          kind: "overview",
          overview,
          pausedUntil: member.pausedUntil && member.pausedUntil > now ? member.pausedUntil : null,
        };
      }
    }
  }

  async answersFor(member: Member, week: string): Promise<CheckIn[]> {
    return this.store.listCheckIns(member.id, [week]);
  }

  async streak(member: Member, workspace: Workspace, now: Date): Promise<number> {
    const local = localDateTime(now, memberTimeZone(member, workspace));
    const weeks = await this.store.answeredWeeks(member.id, 60);
    return streakFrom(weeks, isoWeek(local), isoWeek(addDays(local, -7)));
  }

  /** The overview and its streak from one read: the answers of the streak's window, the overview's weeks among them. */
  async overview(member: Member, workspace: Workspace, now: Date): Promise<Overview> {
    const local = localDateTime(now, memberTimeZone(member, workspace));
    const window = recentWeeks(local, STREAK_WINDOW_WEEKS);
    const answered = await this.store.listCheckIns(member.id, window);
    const weeks = window.slice(-OVERVIEW_WEEKS);
    const shown = new Set(weeks);
    const checkIns = answered.filter((c) => shown.has(c.week));
    const byKey = new Map<string, CheckIn>(checkIns.map((c) => [`${c.question}|${c.week}`, c]));
    const trends = QUESTION_KEYS.map((question) => {
      const ratings = weeks.map((week) => byKey.get(`${question}|${week}`)?.rating ?? null);
      const given = ratings.filter((r): r is Rating => r !== null);
      const average = given.length ? given.reduce((a, b) => a + b, 0) / given.length : null;
      return { question, ratings, average };
    });
    const streak = streakFrom(
      answered.map((c) => c.week),
      isoWeek(local),
      isoWeek(addDays(local, -7)),
    );
    return { weeks, trends, streak, answers: checkIns.length };
  }
}
