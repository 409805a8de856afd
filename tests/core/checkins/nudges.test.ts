// NudgeService against in-memory ports: which leaders planDue records (time zones, working
// days, cadences, pauses, a clock change), how deliverDue claims and retries so that two ticks
// never send twice, and how answers, snoozes and skips are taken — only from the nudge's leader.
import { beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../../src/core/shared/ports.js";
import { type MemoryCore, memoryCore } from "../support/core.js";
import { FindingNudgeMessenger } from "../support/messengers.js";

let m: MemoryCore;

beforeEach(() => {
  m = memoryCore({ now: "2026-11-23T08:00:00Z" }); // Monday 09:00 in Berlin
});

const slots = () =>
  [...m.checkins.nudges.values()].map((n) => ({
    member: m.workspaces.members.get(n.memberId)!.externalId,
    slot: n.slot,
    status: n.status,
  }));

describe("planDue", () => {
  it("records each leader's occurrence once it is due in their own time zone, and only once", async () => {
    const ws = await m.workspaces.workspace();
    await m.workspaces.leader(ws, "UBERLIN");
    await m.workspaces.leader(ws, "UNEWYORK", { timezone: "America/New_York" });
    await m.workspaces.leader(ws, "UTOKYO", { timezone: "Asia/Tokyo" });

    // 09:00 Berlin is 03:00 New York (last Monday's slot is its latest, long past the six-hour
    // grace window) and 17:00 Tokyo (this Monday's 09:00 is eight hours late: missed, not sent).
    expect(await m.core.nudges.planDue(m.time.now())).toEqual({ planned: 1, missed: 2 });
    expect(slots()).toEqual(
      expect.arrayContaining([
        { member: "UBERLIN", slot: "week:2026-W48", status: "pending" },
        { member: "UTOKYO", slot: "week:2026-W48", status: "missed" },
        { member: "UNEWYORK", slot: "week:2026-W47", status: "missed" },
      ]),
    );
    // A second tick in the same minute finds nothing new.
    expect(await m.core.nudges.planDue(m.time.now())).toEqual({ planned: 0, missed: 0 });
    // New York's Monday 09:00 arrives six hours later.
    m.time.set("2026-11-23T14:00:00Z");
    expect(await m.core.nudges.planDue(m.time.now())).toEqual({ planned: 1, missed: 0 });
    expect(slots()).toContainEqual({ member: "UNEWYORK", slot: "week:2026-W48", status: "pending" });
    expect(m.checkins.nudges.size).toBe(4);
  });

  it("is not due a minute early", async () => {
    const ws = await m.workspaces.workspace();
    const anna = await m.workspaces.leader(ws, "UANNA", { leaderSince: new Date("2026-11-20T00:00:00Z") });
    expect(await m.core.nudges.planDue(new Date("2026-11-23T07:59:00Z"))).toEqual({ planned: 0, missed: 0 });
    expect(await m.core.nudges.planDue(new Date("2026-11-23T08:00:00Z"))).toEqual({ planned: 1, missed: 0 });
    expect([...m.checkins.nudges.values()][0]).toMatchObject({
      memberId: anna.id,
      dueAt: new Date("2026-11-23T08:00:00Z"),
      week: "2026-W48",
      questions: ["ask"],
    });
  });

  it("asks on working days only, and on weekends when switched on", async () => {
    const ws = await m.workspaces.workspace({ cadence: "workdays" });
    await m.workspaces.leader(ws, "UANNA");
    const planned: string[] = [];
    for (const day of ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]) {
      await m.core.nudges.planDue(new Date(`${day}T08:30:00Z`));
    }
    planned.push(...slots().map((s) => s.slot));
    // Saturday and Sunday still point at Friday's slot, which already exists.
    expect(planned).toEqual(["day:2026-11-27", "day:2026-11-30"]);

    await m.workspaces.updateWorkspace(ws.id, { includeWeekends: true });
    await m.core.nudges.planDue(new Date("2026-12-05T08:30:00Z"));
    const saturday = [...m.checkins.nudges.values()].find((n) => n.slot === "day:2026-12-05")!;
    expect(saturday.questions).toHaveLength(1);
  });

  it("asks all five questions at once with weekly-all, on the configured weekday and minute", async () => {
    const ws = await m.workspaces.workspace({ cadence: "weekly-all", weekday: 5, nudgeMinute: 16 * 60 + 30 });
    await m.workspaces.leader(ws, "UANNA");
    expect(await m.core.nudges.planDue(new Date("2026-11-27T15:29:00Z"))).toEqual({ planned: 0, missed: 1 }); // last Friday's, long gone
    expect(await m.core.nudges.planDue(new Date("2026-11-27T15:30:00Z"))).toEqual({ planned: 1, missed: 0 });
    const friday = [...m.checkins.nudges.values()].find((n) => n.status === "pending")!;
    expect(friday).toMatchObject({
      slot: "week:2026-W48",
      questions: ["care", "presence", "importance", "ask", "contact"],
      dueAt: new Date("2026-11-27T15:30:00Z"),
    });
  });

  it("skips paused leaders and occurrences from before someone became a leader", async () => {
    const ws = await m.workspaces.workspace();
    await m.workspaces.leader(ws, "UPAUSED", { pausedUntil: new Date("2026-11-28T00:00:00Z") });
    await m.workspaces.leader(ws, "UNEW", { leaderSince: new Date("2026-11-23T08:30:00Z") });
    await m.workspaces.leader(ws, "UBACK", { pausedUntil: new Date("2026-11-23T07:00:00Z") });
    expect(await m.core.nudges.planDue(new Date("2026-11-23T09:00:00Z"))).toEqual({ planned: 1, missed: 0 });
    expect(slots()).toEqual([{ member: "UBACK", slot: "week:2026-W48", status: "pending" }]);
    // Next Monday the pause is over and the new leader is due too.
    expect(await m.core.nudges.planDue(new Date("2026-11-30T08:00:00Z"))).toEqual({ planned: 3, missed: 0 });
  });

  it("keeps 09:00 local on both sides of the spring clock change", async () => {
    const ws = await m.workspaces.workspace({ cadence: "workdays" });
    await m.workspaces.leader(ws, "UANNA");
    // Friday 27 March 2026 09:00 CET is 08:00 UTC; Monday 30 March 09:00 CEST is 07:00 UTC.
    await m.core.nudges.planDue(new Date("2026-03-27T08:00:00Z"));
    expect(await m.core.nudges.planDue(new Date("2026-03-30T06:59:00Z"))).toEqual({ planned: 0, missed: 0 });
    expect(await m.core.nudges.planDue(new Date("2026-03-30T07:00:00Z"))).toEqual({ planned: 1, missed: 0 });
    expect([...m.checkins.nudges.values()].map((n) => [n.slot, n.dueAt.toISOString()])).toEqual([
      ["day:2026-03-27", "2026-03-27T08:00:00.000Z"],
      ["day:2026-03-30", "2026-03-30T07:00:00.000Z"],
    ]);
  });

  it("sends once on the autumn night whose 02:30 happens twice, at the first one", async () => {
    // Berlin turns 03:00 CEST back to 02:00 CET on Sunday 25 October 2026.
    const ws = await m.workspaces.workspace({ cadence: "workdays", includeWeekends: true, nudgeMinute: 2 * 60 + 30 });
    await m.workspaces.leader(ws, "UANNA");
    expect(await m.core.nudges.planDue(new Date("2026-10-25T00:29:00Z"))).toMatchObject({ planned: 0 }); // Saturday's is missed, long ago
    expect(await m.core.nudges.planDue(new Date("2026-10-25T00:30:00Z"))).toEqual({ planned: 1, missed: 0 }); // 02:30 CEST
    expect(await m.core.nudges.planDue(new Date("2026-10-25T01:30:00Z"))).toEqual({ planned: 0, missed: 0 }); // 02:30 CET again
    expect(
      [...m.checkins.nudges.values()].filter((n) => n.status === "pending").map((n) => [n.slot, n.dueAt.toISOString()]),
    ).toEqual([["day:2026-10-25", "2026-10-25T00:30:00.000Z"]]);
  });

  it("sends at 03:30 on the spring night that skips 02:30", async () => {
    const ws = await m.workspaces.workspace({ cadence: "workdays", includeWeekends: true, nudgeMinute: 2 * 60 + 30 });
    await m.workspaces.leader(ws, "UANNA");
    await m.core.nudges.planDue(new Date("2026-03-28T12:00:00Z"));
    expect(await m.core.nudges.planDue(new Date("2026-03-29T01:29:00Z"))).toEqual({ planned: 0, missed: 0 });
    expect(await m.core.nudges.planDue(new Date("2026-03-29T01:30:00Z"))).toEqual({ planned: 1, missed: 0 }); // 03:30 CEST
  });

  it("labels a nudge in the first days of January with ISO week 1 of the new year, or week 53 of the old", async () => {
    const ws = await m.workspaces.workspace({ cadence: "workdays" });
    await m.workspaces.leader(ws, "UANNA");
    await m.core.nudges.planDue(new Date("2026-12-31T08:00:00Z")); // Thursday of 2026-W53
    await m.core.nudges.planDue(new Date("2027-01-04T08:00:00Z")); // Monday of 2027-W01
    expect([...m.checkins.nudges.values()].map((n) => [n.slot, n.week])).toEqual([
      ["day:2026-12-31", "2026-W53"],
      ["day:2027-01-04", "2027-W01"],
    ]);
  });
});

describe("deliverDue", () => {
  async function oneDueNudge() {
    const ws = await m.workspaces.workspace();
    const anna = await m.workspaces.leader(ws, "UANNA", { language: "en" });
    await m.core.nudges.planDue(m.time.now());
    const [nudge] = [...m.checkins.nudges.values()];
    return { ws, anna, nudge: nudge! };
  }

  it("sends a due nudge once, records where, and a second tick sends nothing", async () => {
    const { nudge } = await oneDueNudge();
    expect(await m.core.nudges.tick()).toEqual({
      planned: 0,
      missed: 0,
      sent: 1,
      retrying: 0,
      failed: 0,
      nudgeWaitMs: 0,
    });
    expect(m.senders.nudges.sent).toHaveLength(1);
    expect(m.senders.nudges.sent[0]).toMatchObject({
      memberExternalId: "UANNA",
      view: { nudgeId: nudge.id, language: "en", questions: ["ask"], status: "sent", streak: 0 },
    });
    expect(m.checkins.nudges.get(nudge.id)).toMatchObject({
      status: "sent",
      attempts: 1,
      channelRef: "D-UANNA",
      messageRef: "ts-1",
      claimedUntil: null,
      sentAt: m.time.now(),
    });
    expect(await m.core.nudges.tick()).toMatchObject({ sent: 0 });
    expect(m.senders.nudges.sent).toHaveLength(1);
  });

  it("lets only one of two overlapping ticks claim a nudge while its lease runs", async () => {
    const { nudge } = await oneDueNudge();
    // The first replica claims and then stalls (it never reports an outcome).
    const claimedByFirst = await m.checkins.claimDueNudges(m.time.now(), 10, 120_000);
    expect(claimedByFirst.map((n) => n.id)).toEqual([nudge.id]);
    m.time.advance(60_000);
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(m.senders.nudges.sent).toHaveLength(0);
    // Once the lease ran out the nudge is taken over and sent (the platform cannot tell if it was).
    m.time.advance(61_000);
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(m.senders.nudges.sent).toHaveLength(1);
  });

  it("after a lease ran out, records a message the platform already has instead of sending again", async () => {
    const finding = new FindingNudgeMessenger();
    m.core.registerPlatform("slack", { ...m.senders, nudges: finding });
    const { nudge } = await oneDueNudge();
    // A sender claimed it, delivered it, and died before recording the outcome.
    await m.checkins.claimDueNudges(m.time.now(), 10, 120_000);
    finding.delivered.set(nudge.id, { channelRef: "D-UANNA", messageRef: "ts-earlier" });
    m.time.advance(121_000);
    expect(await m.core.nudges.deliverDue(m.time.now())).toMatchObject({ sent: 1 });
    expect(finding.sent).toHaveLength(0);
    expect(m.checkins.nudges.get(nudge.id)).toMatchObject({ status: "sent", messageRef: "ts-earlier" });
  });

  it("waits out a short Retry-After within the tick, leaves a long one to later ticks, and gives up on a permanent failure", async () => {
    const { ws, nudge } = await oneDueNudge();
    m.senders.nudges.failNext(new DeliveryError("ratelimited", { retryAfterMs: 30_000 }));
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(m.timer.slept).toEqual([30_000]);
    expect(m.checkins.nudges.get(nudge.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    // Longer than a tick may wait: recorded, claim given back, due again after Retry-After.
    const ben = await m.workspaces.leader(ws, "UBEN");
    await m.core.nudges.planDue(m.time.now());
    m.senders.nudges.failNext(new DeliveryError("ratelimited", { retryAfterMs: 120_000 }));
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const bens = () => [...m.checkins.nudges.values()].find((n) => n.memberId === ben.id)!;
    expect(bens()).toMatchObject({ status: "pending", attempts: 1, lastError: "ratelimited", claimedUntil: null });
    const wait = bens().nextAttemptAt.getTime() - m.time.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(120_000);
    expect(wait).toBeLessThanOrEqual(121_000);
    // Not before it is allowed; then it goes out.
    expect(await m.core.nudges.deliverDue(new Date(m.time.now().getTime() + 119_000))).toMatchObject({ sent: 0 });
    m.time.advance(121_000);
    expect(await m.core.nudges.deliverDue(m.time.now())).toMatchObject({ sent: 1 });
    expect(bens()).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    const cleo = await m.workspaces.leader(ws, "UCLEO");
    await m.core.nudges.planDue(m.time.now());
    m.senders.nudges.failNext(new DeliveryError("channel_not_found", { permanent: true }));
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const cleos = [...m.checkins.nudges.values()].find((n) => n.memberId === cleo.id)!;
    expect(cleos).toMatchObject({ status: "failed", attempts: 1, lastError: "channel_not_found" });
  });

  it("marks a nudge failed when no door for its platform is running", async () => {
    const ws = await m.workspaces.workspace({}, "teams", "tenant");
    await m.workspaces.leader(ws, "29:anna");
    await m.core.nudges.planDue(m.time.now());
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect([...m.checkins.nudges.values()][0]).toMatchObject({
      status: "failed",
      lastError: "no messenger for this platform",
    });
  });

  it("nudge-now sends the current question to every unpaused leader at once", async () => {
    const ws = await m.workspaces.workspace();
    await m.workspaces.leader(ws, "UANNA");
    await m.workspaces.leader(ws, "UBEN", { pausedUntil: new Date("2026-12-24T00:00:00Z") });
    m.time.set("2026-11-25T13:17:00Z");
    expect(await m.core.nudges.nudgeNow(ws)).toEqual({ leaders: 1, sent: 1, retrying: 0, failed: 0 });
    expect(slots()).toEqual([{ member: "UANNA", slot: "manual:2026-11-25T13:17", status: "sent" }]);
  });
});

describe("answer, snooze and skip", () => {
  async function sentNudge() {
    const ws = await m.workspaces.workspace({ cadence: "weekly-all" });
    const anna = await m.workspaces.leader(ws, "UANNA");
    await m.core.nudges.tick();
    const nudge = [...m.checkins.nudges.values()][0]!;
    return { ws, anna, nudge };
  }

  it("stores a rating, and a second click on the same question updates it instead of adding one", async () => {
    const { anna, nudge } = await sentNudge();
    const first = await m.core.nudges.answer({
      nudgeId: nudge.id,
      platformUserId: "UANNA",
      question: "care",
      rating: 2,
    });
    expect(first).toMatchObject({
      ok: true,
      messageRef: "ts-1",
      view: { status: "answered", ratings: { care: 2 }, streak: 1 },
    });
    const second = await m.core.nudges.answer({
      nudgeId: nudge.id,
      platformUserId: "UANNA",
      question: "care",
      rating: 5,
      reflection: "Called two customers.",
    });
    expect(second).toMatchObject({
      ok: true,
      view: { ratings: { care: 5 }, reflections: { care: "Called two customers." } },
    });
    const stored = [...m.checkins.checkIns.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      memberId: anna.id,
      question: "care",
      week: "2026-W48",
      rating: 5,
      reflection: "Called two customers.",
      nudgeId: nudge.id,
    });
    expect(m.checkins.nudges.get(nudge.id)!.status).toBe("answered");
    // The message was re-rendered in place after each click, with the latest rating.
    expect(m.senders.nudges.updated.map((u) => u.view.ratings)).toEqual([{ care: 2 }, { care: 5 }]);
    expect(m.senders.nudges.updated[1]!.ref).toEqual({ channelRef: "D-UANNA", messageRef: "ts-1" });
  });

  it("refuses anyone but the nudge's leader, a former leader, an unknown nudge and a question it did not ask", async () => {
    const { anna, nudge } = await sentNudge();
    expect(
      await m.core.nudges.answer({ nudgeId: nudge.id, platformUserId: "UMALLORY", question: "care", rating: 1 }),
    ).toEqual({ ok: false, reason: "not-yours" });
    expect(await m.core.nudges.snooze(nudge.id, "UMALLORY")).toEqual({ ok: false, reason: "not-yours" });
    expect(await m.core.nudges.skip(nudge.id, "UMALLORY")).toEqual({ ok: false, reason: "not-yours" });
    expect(
      await m.core.nudges.answer({ nudgeId: "n-missing", platformUserId: "UANNA", question: "care", rating: 1 }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(m.checkins.checkIns.size).toBe(0);
    expect(m.checkins.nudges.get(nudge.id)!.status).toBe("sent");

    await m.workspaces.updateMember(anna.id, { isLeader: false });
    expect(
      await m.core.nudges.answer({ nudgeId: nudge.id, platformUserId: "UANNA", question: "care", rating: 3 }),
    ).toEqual({ ok: false, reason: "not-leader" });
    expect(m.checkins.checkIns.size).toBe(0);
  });

  it("refuses a question the nudge did not ask", async () => {
    const ws = await m.workspaces.workspace(); // weekly: one question ("ask" this week)
    await m.workspaces.leader(ws, "UANNA");
    await m.core.nudges.tick();
    const nudge = [...m.checkins.nudges.values()][0]!;
    expect(
      await m.core.nudges.answer({ nudgeId: nudge.id, platformUserId: "UANNA", question: "care", rating: 3 }),
    ).toEqual({ ok: false, reason: "not-found" });
    expect(m.checkins.checkIns.size).toBe(0);
  });

  it("snoozes to the same local time tomorrow and sends again then", async () => {
    const { nudge } = await sentNudge();
    m.time.set("2026-11-23T10:15:00Z"); // 11:15 Berlin
    const snoozed = await m.core.nudges.snooze(nudge.id, "UANNA");
    expect(snoozed).toMatchObject({ ok: true, view: { status: "snoozed", snoozedUntil: "11:15" } });
    expect(m.checkins.nudges.get(nudge.id)).toMatchObject({
      status: "snoozed",
      nextAttemptAt: new Date("2026-11-24T10:15:00Z"),
    });
    m.time.set("2026-11-24T10:14:00Z");
    expect(await m.core.nudges.deliverDue(m.time.now())).toMatchObject({ sent: 0 });
    m.time.set("2026-11-24T10:15:00Z");
    expect(await m.core.nudges.deliverDue(m.time.now())).toMatchObject({ sent: 1 });
    expect(m.senders.nudges.sent).toHaveLength(2);
  });

  it("does not bring a snoozed nudge back to a leader who paused since, or who is no leader any more", async () => {
    const { ws, nudge } = await sentNudge();
    const ben = await m.workspaces.leader(ws, "UBEN");
    await m.core.nudges.nudgeNow(ws); // Ben's nudge (and a manual one for Anna)
    const bens = [...m.checkins.nudges.values()].find((n) => n.memberId === ben.id)!;
    expect(await m.core.nudges.snooze(nudge.id, "UANNA")).toMatchObject({ ok: true });
    expect(await m.core.nudges.snooze(bens.id, "UBEN")).toMatchObject({ ok: true });
    // Anna pauses ("No nudges until …"); Ben is taken off the leaders.
    await m.core.checkins.me(
      (await m.workspaces.findMember(ws.id, "UANNA"))!,
      ws,
      { kind: "pause", days: 14 },
      m.time.now(),
    );
    await m.workspaces.updateMember(ben.id, { isLeader: false, leaderSince: null });
    const sentBefore = m.senders.nudges.sent.length;
    m.time.advance(86400_000);
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(m.senders.nudges.sent.length).toBe(sentBefore);
    expect(m.checkins.nudges.get(nudge.id)).toMatchObject({ status: "missed", claimedUntil: null });
    expect(m.checkins.nudges.get(bens.id)).toMatchObject({ status: "missed", claimedUntil: null });
  });

  it("skips a week: the nudge is closed and /cx-checkin then offers the schedule's questions", async () => {
    const { ws, anna, nudge } = await sentNudge();
    expect(await m.core.nudges.skip(nudge.id, "UANNA")).toMatchObject({ ok: true, view: { status: "skipped" } });
    expect(m.checkins.nudges.get(nudge.id)!.status).toBe("skipped");
    const choice = await m.core.nudges.checkInFor((await m.workspaces.findMember(ws.id, anna.externalId))!, ws);
    expect(choice).toEqual({
      ok: true,
      nudgeId: null,
      week: "2026-W48",
      questions: ["care", "presence", "importance", "ask", "contact"],
    });
  });
});
