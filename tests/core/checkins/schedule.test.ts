// When leaders are due, in their own time zones, across daylight-saving changes.
import { describe, expect, it } from "vitest";
import { latestOccurrence, nextOccurrence, questionsFor } from "../../../src/core/checkins/schedule.js";
import type { Schedule } from "../../../src/core/shared/model.js";
import { isoWeek, localDateTime, zonedTimeToUtc } from "../../../src/core/shared/time.js";

const weekly: Schedule = { cadence: "weekly", weekday: 1, nudgeMinute: 9 * 60, includeWeekends: false };
const workdays: Schedule = { ...weekly, cadence: "workdays" };

describe("zonedTimeToUtc", () => {
  it("maps 09:00 local to UTC in Berlin, New York and Tokyo", () => {
    const day = { year: 2026, month: 11, day: 23 };
    expect(zonedTimeToUtc(day, 540, "Europe/Berlin").toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(zonedTimeToUtc(day, 540, "America/New_York").toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(zonedTimeToUtc(day, 540, "Asia/Tokyo").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("follows the clock change in spring and autumn", () => {
    // Europe switches on 29 March and 25 October 2026; the US on 8 March and 1 November.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 27 }, 540, "Europe/Berlin").toISOString()).toBe(
      "2026-03-27T08:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 30 }, 540, "Europe/Berlin").toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 26 }, 540, "Europe/Berlin").toISOString()).toBe(
      "2026-10-26T08:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 2 }, 540, "America/New_York").toISOString()).toBe(
      "2026-11-02T14:00:00.000Z",
    );
    // 02:30 does not exist in Berlin on 29 March; it resolves to just after the jump (03:30 CEST).
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29 }, 150, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("resolves skipped and repeated times west of UTC too", () => {
    // New York skips 02:00–03:00 on 8 March 2026: 02:30 becomes 03:30 EDT.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8 }, 150, "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // 01:30 on 1 November 2026 happens twice in New York; the first (EDT) is meant.
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1 }, 90, "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // Santiago skips midnight on 6 September 2026 (00:00 → 01:00): midnight stays on that day.
    const santiago = zonedTimeToUtc({ year: 2026, month: 9, day: 6 }, 0, "America/Santiago");
    expect(santiago.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    // Every minute of a year in several zones maps back to the same wall clock when it exists.
    for (const zone of [
      "America/New_York",
      "America/Santiago",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
      "Europe/Berlin",
    ]) {
      for (let day = 0; day < 366; day += 3) {
        const d = new Date(Date.UTC(2026, 0, 1 + day));
        const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const instant = zonedTimeToUtc(date, 9 * 60, zone);
        expect(localDateTime(instant, zone)).toMatchObject({ ...date, hour: 9, minute: 0 });
      }
    }
  });
});

describe("isoWeek", () => {
  it("labels weeks around the turn of the year like ISO 8601", () => {
    expect(isoWeek({ year: 2026, month: 11, day: 23 })).toBe("2026-W48");
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe("2026-W53");
    expect(isoWeek({ year: 2025, month: 12, day: 29 })).toBe("2026-W01");
  });
});

describe("latestOccurrence", () => {
  it("is each leader's own Monday 09:00, one slot per week", () => {
    const now = new Date("2026-11-23T14:00:00Z"); // 15:00 Berlin, 09:00 New York, 23:00 Tokyo
    const berlin = latestOccurrence(weekly, "Europe/Berlin", now)!;
    const newYork = latestOccurrence(weekly, "America/New_York", now)!;
    const tokyo = latestOccurrence(weekly, "Asia/Tokyo", now)!;
    expect(berlin.dueAt.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(newYork.dueAt.toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(tokyo.dueAt.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Set([berlin.slot, newYork.slot, tokyo.slot])).toEqual(new Set(["week:2026-W48"]));
    // One minute earlier New York is not due yet this week; its latest slot is last week's.
    expect(latestOccurrence(weekly, "America/New_York", new Date("2026-11-23T13:59:00Z"))!.slot).toBe("week:2026-W47");
  });

  it("rotates one question a week through all five", () => {
    const keys = [0, 1, 2, 3, 4].map((w) => questionsFor(weekly, { year: 2026, month: 11, day: 2 + 7 * w })[0]);
    expect(new Set(keys).size).toBe(5);
    expect(questionsFor({ ...weekly, cadence: "weekly-all" }, { year: 2026, month: 11, day: 23 })).toEqual([
      "care",
      "presence",
      "importance",
      "ask",
      "contact",
    ]);
  });

  it("asks Monday care … Friday contact on workdays and skips weekends unless switched on", () => {
    const days = [23, 24, 25, 26, 27].map(
      (d) => latestOccurrence(workdays, "Europe/Berlin", new Date(`2026-11-${d}T10:00:00Z`))!,
    );
    expect(days.map((o) => o.questions[0])).toEqual(["care", "presence", "importance", "ask", "contact"]);
    const saturday = latestOccurrence(workdays, "Europe/Berlin", new Date("2026-11-28T10:00:00Z"))!;
    expect(saturday.slot).toBe("day:2026-11-27");
    const withWeekends = latestOccurrence(
      { ...workdays, includeWeekends: true },
      "Europe/Berlin",
      new Date("2026-11-28T10:00:00Z"),
    )!;
    expect(withWeekends.slot).toBe("day:2026-11-28");
  });

  it("keeps 09:00 local across the autumn clock change", () => {
    const before = latestOccurrence(weekly, "Europe/Berlin", new Date("2026-10-19T12:00:00Z"))!;
    const after = latestOccurrence(weekly, "Europe/Berlin", new Date("2026-10-26T12:00:00Z"))!;
    expect(before.dueAt.toISOString()).toBe("2026-10-19T07:00:00.000Z");
    expect(after.dueAt.toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("tells the next nudge for the App Home", () => {
    expect(nextOccurrence(weekly, "Europe/Berlin", new Date("2026-11-23T08:00:00Z"))!.dueAt.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });
});

describe("workdays around the weekend", () => {
  it("tells Friday's next nudge is Monday, unless weekends are on", () => {
    const friday = new Date("2026-11-27T09:00:00Z"); // 10:00 Berlin, after Friday's 09:00
    expect(nextOccurrence(workdays, "Europe/Berlin", friday)!.slot).toBe("day:2026-11-30");
    expect(nextOccurrence({ ...workdays, includeWeekends: true }, "Europe/Berlin", friday)!.slot).toBe(
      "day:2026-11-28",
    );
  });

  it("continues the rotation on weekend days instead of repeating Monday's question", () => {
    const withWeekends = { ...workdays, includeWeekends: true };
    const week = [23, 24, 25, 26, 27, 28, 29].map(
      (day) => questionsFor(withWeekends, { year: 2026, month: 11, day })[0],
    );
    expect(week.slice(0, 5)).toEqual(["care", "presence", "importance", "ask", "contact"]);
    expect(week[5]).not.toBe(week[6]);
    // Over five weeks every question comes up on Saturdays.
    const saturdays = [0, 1, 2, 3, 4].map(
      (w) => questionsFor(withWeekends, { year: 2026, month: 11, day: 28 + 7 * w })[0],
    );
    expect(new Set(saturdays).size).toBe(5);
  });

  it("names the week by the leader's local date, which can differ from UTC's", () => {
    // 4 January 2027 00:30 UTC is Monday 09:30 in Tokyo (2027-W01's nudge is due) but Sunday
    // evening in New York, whose latest Monday nudge was 28 December (2026-W53).
    const now = new Date("2027-01-04T00:30:00Z");
    expect(latestOccurrence({ ...weekly, cadence: "weekly-all" }, "Asia/Tokyo", now)).toMatchObject({
      week: "2027-W01",
      slot: "week:2027-W01",
    });
    expect(latestOccurrence({ ...weekly, cadence: "weekly-all" }, "America/New_York", now)).toMatchObject({
      week: "2026-W53",
      slot: "week:2026-W53",
    });
  });
});
