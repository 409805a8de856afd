// CheckInService against in-memory ports: streaks that run across year ends (ISO week 52 or 53
// into week 1), the 12-week overview, and a leader's own pause and resume.
import { beforeEach, describe, expect, it } from "vitest";
import { CheckInService, checkReflection, streakFrom } from "../../../src/core/checkins/service.js";
import type { Member, Workspace } from "../../../src/core/shared/model.js";
import { MemoryCheckInStore } from "../support/checkins.js";
import { MemoryWorkspaceStore } from "../support/workspaces.js";

let workspaces: MemoryWorkspaceStore;
let store: MemoryCheckInStore;
let service: CheckInService;
let ws: Workspace;
let anna: Member;

beforeEach(async () => {
  workspaces = new MemoryWorkspaceStore();
  store = new MemoryCheckInStore(workspaces);
  service = new CheckInService(store, workspaces);
  ws = await workspaces.workspace();
  anna = await workspaces.leader(ws, "UANNA");
});

async function answered(...weeks: string[]) {
  for (const week of weeks) await store.answered(anna.id, week);
}

describe("streakFrom", () => {
  it("counts back through ISO week 53 of a long year into week 1", () => {
    // 2026 has 53 ISO weeks; 2027 has 52.
    expect(streakFrom(["2027-W02", "2027-W01", "2026-W53", "2026-W52"], "2027-W02", "2027-W01")).toBe(4);
    // Skipping week 53 breaks the streak: 2026-W52 is not the week before 2027-W01.
    expect(streakFrom(["2027-W01", "2026-W52", "2026-W51"], "2027-W01", "2026-W53")).toBe(1);
  });

  it("counts back from week 1 into week 52 of a short year", () => {
    // 2025 has 52 ISO weeks, so 2026-W01 follows 2025-W52 directly.
    expect(streakFrom(["2026-W01", "2025-W52", "2025-W51"], "2026-W01", "2025-W52")).toBe(3);
    // 2027-W52 is followed by 2028-W01 (2027 has 52 weeks).
    expect(streakFrom(["2028-W01", "2027-W52"], "2028-W01", "2027-W52")).toBe(2);
  });

  it("keeps a streak that reached last week while this week is still open, and ends one with a gap", () => {
    expect(streakFrom(["2026-W47", "2026-W46"], "2026-W48", "2026-W47")).toBe(2);
    expect(streakFrom(["2026-W46", "2026-W45"], "2026-W48", "2026-W47")).toBe(0);
    expect(streakFrom([], "2026-W48", "2026-W47")).toBe(0);
  });
});

describe("CheckInService.streak", () => {
  it("runs across the turn of 2026/2027 as seen in the leader's time zone", async () => {
    await answered("2026-W51", "2026-W52", "2026-W53", "2027-W01");
    // Monday 4 January 2027, 10:00 Berlin: 2027-W01 is this week.
    expect(await service.streak(anna, ws, new Date("2027-01-04T09:00:00Z"))).toBe(4);
    // Sunday 3 January 23:30 Berlin is still 2026-W53 there: the running week is not answered
    // yet from that side, but the streak reaching it counts up to W53 (W01 is "in the future").
    expect(await service.streak(anna, ws, new Date("2027-01-03T22:30:00Z"))).toBe(3);
    // Same instant in Tokyo is already Monday: 2027-W01 counts.
    const tokyoAnna = await workspaces.updateMember(anna.id, { timezone: "Asia/Tokyo" });
    expect(await service.streak(tokyoAnna, ws, new Date("2027-01-03T22:30:00Z"))).toBe(4);
  });

  it("runs across the turn of 2025/2026, where week 52 is followed by week 1", async () => {
    await answered("2025-W51", "2025-W52", "2026-W01");
    // Wednesday 7 January 2026, week 2 not answered yet: the streak through last week still shows.
    expect(await service.streak(anna, ws, new Date("2026-01-07T12:00:00Z"))).toBe(3);
    // Two weeks later without an answer it is gone.
    expect(await service.streak(anna, ws, new Date("2026-01-21T12:00:00Z"))).toBe(0);
  });
});

describe("CheckInService.overview", () => {
  it("shows 12 weeks ending with the current one, across the year end, with averages per question", async () => {
    await store.saveCheckIn({ memberId: anna.id, question: "care", week: "2026-W53", rating: 2 });
    await store.saveCheckIn({ memberId: anna.id, question: "care", week: "2027-W01", rating: 4 });
    await store.saveCheckIn({ memberId: anna.id, question: "ask", week: "2026-W40", rating: 5 }); // outside the 12 weeks
    const overview = await service.overview(anna, ws, new Date("2027-01-05T12:00:00Z"));
    expect(overview.weeks).toHaveLength(12);
    expect(overview.weeks[0]).toBe("2026-W43");
    expect(overview.weeks.slice(-3)).toEqual(["2026-W52", "2026-W53", "2027-W01"]);
    const care = overview.trends.find((t) => t.question === "care")!;
    expect(care.ratings.slice(-2)).toEqual([2, 4]);
    expect(care.average).toBe(3);
    expect(overview.trends.find((t) => t.question === "ask")!.average).toBeNull();
    expect(overview).toMatchObject({ streak: 2, answers: 2 });
  });
});

describe("CheckInService.me", () => {
  it("pauses a leader for the given days and resumes them", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(await service.me(anna, ws, { kind: "pause", days: 14 }, now)).toEqual({
      kind: "paused",
      until: new Date("2026-12-07T10:00:00Z"),
    });
    expect(workspaces.members.get(anna.id)!.pausedUntil).toEqual(new Date("2026-12-07T10:00:00Z"));
    const paused = workspaces.members.get(anna.id)!;
    expect(await service.me(paused, ws, { kind: "overview" }, now)).toMatchObject({
      kind: "overview",
      pausedUntil: new Date("2026-12-07T10:00:00Z"),
    });
    expect(await service.me(paused, ws, { kind: "resume" }, now)).toEqual({ kind: "resumed" });
    expect(workspaces.members.get(anna.id)!.pausedUntil).toBeNull();
  });

  it("refuses a pause to someone who is no leader, and writes nothing", async () => {
    const ben = await workspaces.ensureMember(ws.id, "UBEN");
    const before = workspaces.writes.length;
    expect(await service.me(ben, ws, { kind: "pause", days: 7 }, new Date())).toEqual({ kind: "not-leader" });
    expect(workspaces.writes.length).toBe(before);
  });
});

describe("checkReflection", () => {
  it("keeps the cleaned text, turns empty into null and refuses what is too long", () => {
    expect(checkReflection("  Called\u0000 a customer \n")).toEqual({ ok: true, value: "Called a customer" });
    expect(checkReflection("   ")).toEqual({ ok: true, value: null });
    expect(checkReflection("x".repeat(2001))).toEqual({ ok: false, maxLength: 2000 });
  });
});
