// Numbers as a person reads them in their language: percentages, counts, percentage points,
// averages, and a tiny text sparkline. Shared by the Slack and Teams digests.
import type { Language } from "../core/shared/model.js";

export const locale = (language: Language) => (language === "de" ? "de-DE" : "en-GB");

/** Making an Intl.NumberFormat costs far more than using one: a dashboard table formats thousands of numbers. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, kind: "percent" | "points" | "count"): Intl.NumberFormat {
  const key = `${language}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === "percent"
        ? { style: "percent", maximumFractionDigits: 0 }
        : kind === "points"
          ? { maximumFractionDigits: 0, signDisplay: "exceptZero" }
          : {};
    format = new Intl.NumberFormat(locale(language), options);
    formats.set(key, format);
  }
  return format;
}

export function percent(value: number | null, language: Language): string {
  return value === null ? "–" : numberFormat(language, "percent").format(value);
}

/** A change in percentage points, with its sign ("+3", "−2"); zero without one. */
export function points(value: number, language: Language): string {
  return numberFormat(language, "points").format(value);
}

export function count(value: number, language: Language): string {
  return numberFormat(language, "count").format(value);
}

/** An average such as 3.5 (en) or 3,5 (de); "–" when there is none. */
export function decimal(value: number | null, language: Language): string {
  return value === null ? "–" : value.toLocaleString(locale(language), { maximumFractionDigits: 1 });
}

/** A date in the reader's language and time zone ("8 December 2026", "8. Dezember 2026"). */
export function longDate(date: Date, language: Language, timeZone: string): string {
  return date.toLocaleDateString(locale(language), { timeZone, day: "numeric", month: "long", year: "numeric" });
}

export function longDateTime(date: Date, language: Language, timeZone: string): string {
  return date.toLocaleString(locale(language), {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** 1–5 ratings over the weeks: ▁ for 1 … █ for 5, · where unanswered. */
export function ratingSparkline(ratings: (number | null)[]): string {
  const bars = ["▁", "▃", "▄", "▆", "█"];
  return ratings.map((r) => (r === null ? "·" : bars[r - 1])).join("");
}

/** Shares over the weeks as bars, "·" where too few people wrote. */
export function sparkline(trend: (number | null)[]): string {
  const bars = "▁▂▃▄▅▆▇█";
  const max = Math.max(0.0001, ...trend.map((v) => v ?? 0));
  return trend.map((v) => (v === null ? "·" : bars[Math.min(7, Math.round((v / max) * 7))])).join("");
}
