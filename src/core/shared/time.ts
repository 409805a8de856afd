// Calendar arithmetic in IANA time zones without a date library: Intl gives us the wall clock
// of any instant in any zone; everything else here is built on that one primitive.

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of `instant` as seen in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const local = { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
  return { ...local, weekday: isoWeekday(local) };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` at `minuteOfDay`. A time that
 * occurs twice (clocks going back) resolves to the first; a time skipped by clocks going
 * forward resolves to the same distance after the jump (02:30 on a 02:00→03:00 day is 03:30),
 * east and west of UTC alike.
 */
export function zonedTimeToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // The offsets in force half a day before and after cover both sides of any transition.
  const before = wall - zoneOffsetMs(new Date(wall - 12 * 3600_000), timeZone);
  const after = wall - zoneOffsetMs(new Date(wall + 12 * 3600_000), timeZone);
  const shows = (instant: number) => zoneOffsetMs(new Date(instant), timeZone) === wall - instant;
  const matching = [before, after].filter(shows).sort((a, b) => a - b);
  // No instant shows a skipped wall time; the pre-jump offset lands just after the jump.
  return new Date(matching[0] ?? before);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** ISO-8601 week label such as "2026-W48"; weeks start on Monday. */
export function isoWeek(date: LocalDate): string {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Whole weeks since Monday 1970-01-05: a stable counter for rotating things week by week. */
export function weekIndex(date: LocalDate): number {
  const days = Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86400_000) - 4;
  return Math.floor(days / 7);
}

/** The ISO week labels of the `count` weeks ending with the week of `date`, oldest first. */
export function recentWeeks(date: LocalDate, count: number): string[] {
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(isoWeek(addDays(date, -7 * i)));
  return weeks;
}

export function formatLocalDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "9:00", "09:30", "17" → minutes after midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}
