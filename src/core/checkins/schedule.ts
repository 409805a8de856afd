// When is a leader due for a nudge, and with which questions? Pure functions of the
// workspace schedule, the leader's time zone and the current instant.

import type { Schedule } from "../shared/model.js";
import { QUESTION_KEYS, type QuestionKey } from "../shared/questions.js";
import {
  addDays,
  formatLocalDate,
  isoWeek,
  isoWeekday,
  type LocalDate,
  localDateTime,
  weekIndex,
  zonedTimeToUtc,
} from "../shared/time.js";

export interface Occurrence {
  /** Unique per leader and occurrence; the nudge table's idempotency key. */
  slot: string;
  dueAt: Date;
  week: string;
  questions: QuestionKey[];
}

/** Monday care … Friday contact, as the "workdays" cadence promises. */
const WORKDAY_QUESTION: Record<number, QuestionKey> = {
  1: "care",
  2: "presence",
  3: "importance",
  4: "ask",
  5: "contact",
};

function isNudgeDay(schedule: Schedule, date: LocalDate): boolean {
  const weekday = isoWeekday(date);
  if (schedule.cadence === "workdays") return weekday <= 5 || schedule.includeWeekends;
  return weekday === schedule.weekday;
}

/** The questions asked on `date` under `schedule` (the date need not be a nudge day). */
export function questionsFor(schedule: Schedule, date: LocalDate): QuestionKey[] {
  switch (schedule.cadence) {
    case "weekly-all":
      return [...QUESTION_KEYS];
    case "weekly":
      return [QUESTION_KEYS[weekIndex(date) % QUESTION_KEYS.length]!];
    case "workdays": {
      const weekday = isoWeekday(date);
      // Weekend days (only when switched on) continue the rotation instead of repeating Monday.
      return [WORKDAY_QUESTION[weekday] ?? QUESTION_KEYS[(weekIndex(date) + weekday) % QUESTION_KEYS.length]!];
    }
  }
}

function occurrenceOn(schedule: Schedule, date: LocalDate, timeZone: string): Occurrence {
  const week = isoWeek(date);
  return {
    slot: schedule.cadence === "workdays" ? `day:${formatLocalDate(date)}` : `week:${week}`,
    dueAt: zonedTimeToUtc(date, schedule.nudgeMinute, timeZone),
    week,
    questions: questionsFor(schedule, date),
  };
}

/** The most recent scheduled occurrence at or before `now`, looking back at most a week. */
export function latestOccurrence(schedule: Schedule, timeZone: string, now: Date): Occurrence | null {
  const today = localDateTime(now, timeZone);
  for (let back = 0; back <= 7; back++) {
    const date = addDays(today, -back);
    if (!isNudgeDay(schedule, date)) continue;
    const occurrence = occurrenceOn(schedule, date, timeZone);
    if (occurrence.dueAt.getTime() <= now.getTime()) return occurrence;
  }
  return null;
}

/** The next scheduled occurrence strictly after `now`. */
export function nextOccurrence(schedule: Schedule, timeZone: string, now: Date): Occurrence | null {
  const today = localDateTime(now, timeZone);
  for (let ahead = 0; ahead <= 8; ahead++) {
    const date = addDays(today, ahead);
    if (!isNudgeDay(schedule, date)) continue;
    const occurrence = occurrenceOn(schedule, date, timeZone);
    if (occurrence.dueAt.getTime() > now.getTime()) return occurrence;
  }
  return null;
}

/** What a leader would be asked right now if they asked: the question(s) of the current period. */
export function currentQuestions(
  schedule: Schedule,
  timeZone: string,
  now: Date,
): { week: string; questions: QuestionKey[] } {
  const today = localDateTime(now, timeZone);
  return { week: isoWeek(today), questions: questionsFor(schedule, today) };
}
