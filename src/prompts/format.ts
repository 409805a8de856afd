// Numbers as a person reads them in their language: percentages, counts, percentage points,
// averages, and a tiny text sparkline. Shared by the Slack and Teams digests.
import type { Language } from "../core/model.js";

export const locale = (language: Language) => (language === "de" ? "de-DE" : "en-GB");

export function percent(value: number | null, language: Language): string {
  return value === null ? "–" : new Intl.NumberFormat(locale(language), { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** A change in percentage points, with its sign ("+3", "−2"); zero without one. */
export function points(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(value);
}

export function count(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** An average such as 3.5 (en) or 3,5 (de); "–" when there is none. */
export function decimal(value: number | null, language: Language): string {
  return value === null ? "–" : value.toLocaleString(locale(language), { maximumFractionDigits: 1 });
}

/** Shares over the weeks as bars, "·" where too few people wrote. */
export function sparkline(trend: (number | null)[]): string {
  const bars = "▁▂▃▄▅▆▇█";
  const max = Math.max(0.0001, ...trend.map((v) => v ?? 0));
  return trend.map((v) => (v === null ? "·" : bars[Math.min(7, Math.round((v / max) * 7))])).join("");
}
