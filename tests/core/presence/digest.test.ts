// Digest arithmetic against figures computed by hand.
import { describe, expect, it } from "vitest";
import { buildDigest, foldedChannels } from "../../../src/core/presence/digest.js";
import type { WeekCounts } from "../../../src/core/presence/ports.js";
import { digestDue, weekBounds, weeksEndingWith } from "../../../src/core/presence/service.js";
import type { Workspace } from "../../../src/core/shared/model.js";

const weeks = weeksEndingWith("2026-W48");
const counts = (
  channelRef: string,
  week: string,
  messages: number,
  customer: number,
  positive: number,
  negative: number,
  authors: number,
): WeekCounts => ({
  channelRef,
  week,
  messages,
  customer,
  positive,
  negative,
  authors,
});

describe("buildDigest", () => {
  it("computes shares, change and trend per channel and folds small channels", () => {
    expect(weeks).toEqual([
      "2026-W41",
      "2026-W42",
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
    ]);
    const channelWeeks = [
      counts("CSUP", "2026-W47", 50, 10, 5, 1, 4), // 20 %
      counts("CSUP", "2026-W48", 40, 12, 6, 3, 5), // 30 %, +10 pts, positive 50 %, negative 25 %
      counts("CDEV", "2026-W48", 20, 1, 0, 0, 3), // 5 %, no previous week
      counts("CTINY", "2026-W48", 9, 3, 3, 0, 2), // too few authors: folded
    ];
    expect(foldedChannels(channelWeeks, "2026-W48", 3)).toEqual(["CTINY"]);
    const report = buildDigest({
      language: "en",
      weeks,
      channelWeeks,
      workspaceWeeks: [counts("*", "2026-W47", 50, 10, 5, 1, 4), counts("*", "2026-W48", 69, 16, 9, 3, 9)],
      otherWeeks: [counts("*", "2026-W48", 9, 3, 3, 0, 2)],
      leaders: { leaders: 4, nudged: 8, answered: 6, questions: [] },
      suggestions: { created: 2, answeredShare: 0.5, top: [] },
      minAuthors: 3,
    });
    const sup = report.channels.find((c) => c.channelRef === "CSUP")!;
    expect(sup.messages).toBe(40);
    expect(sup.customerShare).toBeCloseTo(0.3);
    expect(sup.change).toBeCloseTo(10);
    expect(sup.positiveShare).toBeCloseTo(0.5);
    expect(sup.negativeShare).toBeCloseTo(0.25);
    expect(sup.trend).toEqual([null, null, null, null, null, null, 0.2, 0.3]);
    const dev = report.channels.find((c) => c.channelRef === "CDEV")!;
    expect(dev.customerShare).toBeCloseTo(0.05);
    expect(dev.change).toBeNull();
    expect(report.channels.map((c) => c.channelRef)).toEqual(["CSUP", "CDEV"]);
    // The folded bucket itself has only two authors: not shown, and neither is the workspace
    // line of that week — it minus CSUP and CDEV would give away CTINY's figures.
    expect(report.other).toBeNull();
    expect(report.workspace.customerShare).toBeNull();
    expect(report.workspace.trend).toEqual([null, null, null, null, null, null, 0.2, null]);
    // The tone trend follows the same rules: W47 shown (5 appreciative, 4 factual, 1 disparaging
    // of 50 messages), W48 withheld like the share, never a zero.
    expect(report.workspace.toneTrend).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      { positive: 0.1, neutral: 0.08, negative: 0.02 },
      null,
    ]);
    expect(report.leaders.answeredShare).toBeCloseTo(0.75);
  });

  it("shows the workspace line when the folded channels together are a large enough group", () => {
    const channelWeeks = [
      counts("CSUP", "2026-W48", 40, 12, 6, 3, 5),
      counts("CA", "2026-W48", 5, 1, 1, 0, 2),
      counts("CB", "2026-W48", 6, 2, 0, 1, 2),
    ];
    const report = buildDigest({
      language: "de",
      weeks,
      channelWeeks,
      workspaceWeeks: [counts("*", "2026-W48", 51, 15, 7, 4, 8)],
      otherWeeks: [counts("*", "2026-W48", 11, 3, 1, 1, 4)],
      leaders: { leaders: 2, nudged: 2, answered: 1, questions: [] },
      suggestions: { created: 0, answeredShare: null, top: [] },
      minAuthors: 3,
    });
    expect(report.other?.customerShare).toBeCloseTo(3 / 11);
    expect(report.workspace.customerShare).toBeCloseTo(15 / 51);
    const tones = report.workspace.toneTrend[weeks.length - 1]!;
    expect(tones.positive).toBeCloseTo(7 / 51);
    expect(tones.neutral).toBeCloseTo(4 / 51);
    expect(tones.negative).toBeCloseTo(4 / 51);
    expect(tones.positive + tones.neutral + tones.negative).toBeCloseTo(report.workspace.customerShare!);
    // Two nudged leaders are fewer than three: their answer rate stays hidden.
    expect(report.leaders.answeredShare).toBeNull();
  });
});

describe("digest timing", () => {
  const workspace = { timezone: "Europe/Berlin", digestWeekday: 1, digestMinute: 540 } as Workspace;
  it("is due from Monday 09:00 local for a day, and reports the week before", () => {
    expect(digestDue(workspace, new Date("2026-11-30T07:59:00Z"))).toBeNull();
    expect(digestDue(workspace, new Date("2026-11-30T08:00:00Z"))).toEqual({ week: "2026-W48" });
    expect(digestDue(workspace, new Date("2026-12-01T07:59:00Z"))).toEqual({ week: "2026-W48" });
    expect(digestDue(workspace, new Date("2026-12-01T08:00:00Z"))).toBeNull();
  });
  it("knows where a week begins and ends in a time zone", () => {
    const { start, end } = weekBounds("2026-W48", "Europe/Berlin");
    expect(start.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });
});
