// The nudge wave (src/core/checkins/wave.ts) against in-memory ports and simulated time: a 429
// holds back only what its limit applies to and is waited out within the tick; what cannot
// wait that long goes to a later tick (an interrupted nudge still interrupted); claims and
// writes come in batches; a tick that lost the scheduler lease claims nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { NudgeService } from "../../../src/core/checkins/nudges.js";
import type { DeliveryTarget, NudgeMessenger, NudgeView } from "../../../src/core/checkins/ports.js";
import { PlatformRegistry } from "../../../src/core/shared/platforms.js";
import { DeliveryError, type MessageRef } from "../../../src/core/shared/ports.js";
import { type MemoryCore, memoryCore } from "../support/core.js";
import { FindingNudgeMessenger } from "../support/messengers.js";

/** A Slack-like sender that can find what it delivered, fails as scripted and logs when each call came. */
class ScriptedMessenger extends FindingNudgeMessenger {
  readonly log: { call: "send" | "lookup"; who: string; at: number; failed: boolean }[] = [];
  /** Errors the next sends to a person throw, in order. */
  readonly sendFailures = new Map<string, Error[]>();
  /** Errors the next lookups throw, whoever they are for. */
  readonly lookupFailures: Error[] = [];

  constructor(private readonly now: () => number) {
    super();
  }

  override async sendNudge(target: DeliveryTarget, view: NudgeView): Promise<MessageRef> {
    const failure = this.sendFailures.get(target.member.externalId)?.shift();
    this.log.push({ call: "send", who: target.member.externalId, at: this.now(), failed: Boolean(failure) });
    if (failure) throw failure;
    return super.sendNudge(target, view);
  }

  override async findSentNudge(target: DeliveryTarget, nudgeId: string): Promise<MessageRef | null> {
    const failure = this.lookupFailures.shift();
    this.log.push({ call: "lookup", who: target.member.externalId, at: this.now(), failed: Boolean(failure) });
    if (failure) throw failure;
    return super.findSentNudge(target, nudgeId);
  }
}

let m: MemoryCore;
let slack: ScriptedMessenger;

beforeEach(() => {
  m = memoryCore({ now: "2026-11-23T08:00:00Z" }); // Monday 09:00 in Berlin
  slack = new ScriptedMessenger(() => m.timer.now());
  m.core.registerPlatform("slack", { ...m.senders, nudges: slack });
});

const rateLimited = (retryAfterMs: number, limitedPer?: "method") =>
  new DeliveryError("slack: rate limited", { retryAfterMs, ...(limitedPer ? { limitedPer } : {}) });

async function leaders(...ids: string[]) {
  const ws = await m.workspaces.workspace();
  for (const id of ids) await m.workspaces.leader(ws, id);
  await m.core.nudges.planDue(m.time.now());
  return ws;
}

const nudgeOf = (externalId: string) =>
  [...m.checkins.nudges.values()].find((n) => m.workspaces.members.get(n.memberId)!.externalId === externalId)!;

/** Claims the leaders' nudges as a sender that then dies, and lets the claims run out. */
async function interrupted(...ids: string[]) {
  const claimed = await m.checkins.claimDueNudges(
    m.time.now(),
    100,
    120_000,
    ids.map((id) => nudgeOf(id).id),
  );
  expect(claimed).toHaveLength(ids.length);
  m.time.advance(121_000);
}

describe("the nudge wave", () => {
  it("holds back only the rate-limited conversation and sends it again in the same tick after Retry-After", async () => {
    await leaders("UA", "UB", "UC", "UD", "UE");
    slack.sendFailures.set("UA", [rateLimited(1000)]);
    const t0 = m.timer.now();
    expect(await m.core.nudges.tick()).toMatchObject({ sent: 5, retrying: 0, failed: 0, nudgeWaitMs: 1000 });
    const rest = slack.log.filter((e) => e.who !== "UA");
    expect(rest.map((e) => e.at - t0)).toEqual([0, 0, 0, 0]);
    expect(slack.log.filter((e) => e.who === "UA").map((e) => [e.at - t0, e.failed])).toEqual([
      [0, true],
      [1000, false],
    ]);
    expect(nudgeOf("UA")).toMatchObject({ status: "sent", attempts: 2, lastError: null, claimedUntil: null });
    expect(slack.sent.map((s) => s.memberExternalId).sort()).toEqual(["UA", "UB", "UC", "UD", "UE"]);
  });

  it("holds back every lookup of the workspace when the lookup method is rate-limited, but not fresh sends", async () => {
    const ws = await leaders("UA", "UB");
    await interrupted("UA", "UB");
    await m.workspaces.leader(ws, "UC", { leaderSince: new Date("2026-11-01T00:00:00Z") });
    await m.core.nudges.planDue(m.time.now());
    slack.lookupFailures.push(rateLimited(5000, "method"));
    // One send at a time, so the order shows what waited for what.
    const messengers = new PlatformRegistry<NudgeMessenger>("nudges");
    messengers.register("slack", slack);
    const oneLane = new NudgeService({
      store: m.checkins,
      members: m.workspaces,
      messengers,
      clock: m.time.clock,
      timer: m.timer,
      logger: m.logger,
      graceMs: 6 * 3600_000,
      concurrency: 1,
    });
    const t0 = m.timer.now();
    expect(await oneLane.deliverDue(m.time.now())).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const calls = slack.log.map((e) => `${e.call} ${e.who} +${e.at - t0}${e.failed ? " 429" : ""}`);
    expect(calls.slice(0, 2)).toEqual(["lookup UA +0 429", "send UC +0"]);
    expect(calls.slice(2).sort()).toEqual(["lookup UA +5000", "lookup UB +5000", "send UA +5000", "send UB +5000"]);
  });

  it("leaves a longer wait to a later tick, and an interrupted nudge not yet looked up stays interrupted", async () => {
    await leaders("UA");
    await interrupted("UA");
    // The dead sender had delivered it; the lookup that would find it is rate-limited for 2 minutes.
    slack.delivered.set(nudgeOf("UA").id, { channelRef: "D-UA", messageRef: "ts-earlier" });
    slack.lookupFailures.push(rateLimited(120_000, "method"));
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = nudgeOf("UA");
    expect(row.status).toBe("pending");
    expect(row.claimedUntil).toEqual(row.nextAttemptAt);
    expect(row.nextAttemptAt.getTime() - m.time.now().getTime()).toBeGreaterThanOrEqual(120_000);

    m.time.set(new Date(row.nextAttemptAt.getTime() + 1));
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(slack.sent).toHaveLength(0);
    expect(nudgeOf("UA")).toMatchObject({ status: "sent", messageRef: "ts-earlier", claimedUntil: null });
  });

  it("claims in batches of 200 with their leaders, and writes many outcomes at a time", async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `U${String(i).padStart(3, "0")}`);
    await leaders(...ids);
    expect(await m.core.nudges.deliverDue(m.time.now())).toEqual({ sent: 450, retrying: 0, failed: 0 });
    expect(m.checkins.claims).toEqual([200, 200, 50]);
    expect(m.checkins.writes.reduce((a, b) => a + b, 0)).toBe(450);
    expect(m.checkins.writes.length).toBeLessThan(45);
    expect(new Set(slack.sent.map((s) => s.memberExternalId)).size).toBe(450);
    // Each first send queued its one reminder before it went out.
    expect(m.outbox.rows.size).toBe(450);
  });

  it("claims nothing once the scheduler lease went to another replica", async () => {
    await leaders("UA");
    expect(await m.core.nudges.tick(async () => false)).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(slack.log).toHaveLength(0);
    expect(nudgeOf("UA")).toMatchObject({ status: "pending", claimedUntil: null });
  });
});
