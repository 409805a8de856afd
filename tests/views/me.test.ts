// The `me` reply as one view for both doors: texts for the short outcomes, rows for the trend.
import { describe, expect, it } from "vitest";
import type { Overview } from "../../src/core/checkins/service.js";
import { meView, overviewView } from "../../src/views/me.js";

const overview: Overview = {
  weeks: ["2026-W37", "2026-W48"],
  streak: 3,
  answers: 4,
  trends: [
    { question: "care", ratings: [null, 3, 5], average: 3.5 },
    { question: "ask", ratings: [null, null, null], average: null },
  ],
} as Overview;

describe("meView", () => {
  it("says what happened to a pause in the reader's language and time zone", () => {
    const until = new Date("2026-12-06T23:30:00Z");
    expect(meView({ kind: "paused", until }, "en", "Europe/Berlin")).toEqual({
      kind: "text",
      text: expect.stringContaining("No nudges until 7 December 2026"),
    });
    expect(meView({ kind: "paused", until }, "en", "UTC")).toEqual({
      kind: "text",
      text: expect.stringContaining("No nudges until 6 December 2026"),
    });
    expect(meView({ kind: "usage" }, "de", "UTC")).toEqual({
      kind: "text",
      text: expect.stringContaining("{cmd:me pause 2w}"),
    });
    expect(meView({ kind: "not-leader" }, "en", "UTC").kind).toBe("text");
    expect(meView({ kind: "resumed" }, "en", "UTC")).toEqual({
      kind: "text",
      text: expect.stringContaining("on again"),
    });
  });

  it("shows a row per question with its bars and average, and the weeks and streak under them", () => {
    const view = overviewView(overview, "de", null);
    expect(view.rows).toEqual([
      { label: "Kundenwohl", sparkline: "·▄█", average: "Ø 3,5" },
      { label: "Vorschläge", sparkline: "···", average: "noch keine Antworten" },
    ]);
    expect(view.footer).toBe("2026-W37 → 2026-W48 · 🔥 Serie: 3 Wochen in Folge");
    expect(view.empty).toBeNull();
    expect(view.paused).toBeNull();
  });

  it("says there is nothing yet instead of empty rows, and says when nudges are paused", () => {
    const none = meView(
      { kind: "overview", overview: { ...overview, answers: 0 }, pausedUntil: new Date("2026-12-07T12:00:00Z") },
      "en",
      "UTC",
    );
    if (none.kind !== "overview") throw new Error("an overview was expected");
    expect(none.overview.rows).toEqual([]);
    expect(none.overview.footer).toBeNull();
    expect(none.overview.empty).toContain("{cmd:checkin}");
    expect(none.overview.paused).toContain("7 December 2026");
  });
});
