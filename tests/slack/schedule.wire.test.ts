// The clock with an injected time: leaders in three time zones get exactly one DM per slot,
// across restarts, concurrent ticks, the grace window, rate limits and vanished users.
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, tempDir } from "../helpers/harness.js";

const running: Harness[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function harness(now: string, dir?: string, env?: Record<string, string>) {
  const h = await startHarness({ now, ...(dir ? { dir } : {}), ...(env ? { env } : {}) });
  running.push(h);
  return h;
}

/** Adds leaders directly through the core, as `/cx-admin leaders add` would. */
async function addLeaders(h: Harness, leaders: { id: string; tz: string }[], since: string) {
  const ws = await h.app.stores.workspaces.ensureWorkspace("slack", "T0001", h.app.core.defaults);
  for (const { id, tz } of leaders) {
    const m = await h.app.stores.workspaces.ensureMember(ws.id, id, { timezone: tz, language: "en" });
    await h.app.stores.workspaces.updateMember(m.id, { isLeader: true, leaderSince: new Date(since) });
  }
}

const dmsTo = (h: Harness, user: string) => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === user);

describe("scheduled nudges", () => {
  it("reaches Berlin, New York and Tokyo at 09:00 local on Monday, once each", async () => {
    const h = await harness("2026-11-22T23:59:00Z");
    await addLeaders(
      h,
      [
        { id: "UBER", tz: "Europe/Berlin" },
        { id: "UNYC", tz: "America/New_York" },
        { id: "UTYO", tz: "Asia/Tokyo" },
      ],
      "2026-11-01T00:00:00Z",
    );

    const tickAt = async (iso: string) => {
      h.clock.set(iso);
      return h.app.core.nudges.tick();
    };
    // Last week's slots are long past the grace window: recorded as missed, not sent.
    expect((await tickAt("2026-11-22T23:59:00Z")).missed).toBe(3);
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);

    await tickAt("2026-11-23T00:00:00Z"); // 09:00 Tokyo
    expect(dmsTo(h, "UTYO")).toHaveLength(1);
    expect(dmsTo(h, "UBER")).toHaveLength(0);
    await tickAt("2026-11-23T08:00:00Z"); // 09:00 Berlin
    expect(dmsTo(h, "UBER")).toHaveLength(1);
    await tickAt("2026-11-23T13:59:00Z");
    expect(dmsTo(h, "UNYC")).toHaveLength(0);
    await tickAt("2026-11-23T14:00:00Z"); // 09:00 New York
    await tickAt("2026-11-23T14:01:00Z");
    await tickAt("2026-11-24T08:00:00Z");
    expect(["UBER", "UNYC", "UTYO"].map((u) => dmsTo(h, u).length)).toEqual([1, 1, 1]);
  });

  it("never sends twice when ticks overlap, and survives a restart in the middle of a tick", async () => {
    const dir = tempDir();
    const first = await harness("2026-11-23T08:00:00Z", dir);
    await addLeaders(
      first,
      [
        { id: "UA", tz: "Europe/Berlin" },
        { id: "UB", tz: "Europe/Berlin" },
      ],
      "2026-11-01T00:00:00Z",
    );
    // The tick records and claims the nudges, then the process dies before sending.
    await first.app.core.nudges.planDue(first.clock.now());
    const claimed = await first.app.stores.checkins.claimDueNudges(first.clock.now(), 100, 2 * 60_000);
    expect(claimed).toHaveLength(2);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await harness("2026-11-23T08:01:00Z", dir);
    await Promise.all([second.app.core.nudges.tick(), second.app.core.nudges.tick()]);
    expect(second.slack.callsOf("chat.postMessage")).toHaveLength(0); // still held by the dead tick
    second.clock.set("2026-11-23T08:03:00Z"); // the claim has expired
    // The interrupted sends are looked up first; one lookup fails (say, a missing scope): that
    // nudge is sent anyway rather than given up.
    second.slack.failNext("conversations.open", { error: "missing_scope" });
    await Promise.all([second.app.core.nudges.tick(), second.app.core.nudges.tick(), second.app.core.nudges.tick()]);
    expect(second.logs.join("")).toContain("could not check whether an interrupted nudge was delivered");
    expect(dmsTo(second, "UA")).toHaveLength(1);
    expect(dmsTo(second, "UB")).toHaveLength(1);
    expect(second.rows(`SELECT status, COUNT(*) AS n FROM Nudge GROUP BY status`)).toEqual([{ status: "sent", n: 2 }]);
  });

  it("sends a nudge missed while down within the grace window, and records it as missed after", async () => {
    const h = await harness("2026-11-23T13:59:00Z", undefined, { NUDGE_GRACE_HOURS: "6" });
    await addLeaders(h, [{ id: "ULATE", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    expect((await h.app.core.nudges.tick()).sent).toBe(1); // 09:00 slot, 5h59m late

    const late = await harness("2026-11-23T14:01:00Z", undefined, { NUDGE_GRACE_HOURS: "6" });
    await addLeaders(late, [{ id: "UTOOLATE", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    expect(await late.app.core.nudges.tick()).toMatchObject({ sent: 0, missed: 1 });
    expect(late.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("does not nudge someone for a slot before they became a leader, nor while paused", async () => {
    const h = await harness("2026-11-23T10:00:00Z");
    await addLeaders(h, [{ id: "UNEW", tz: "Europe/Berlin" }], "2026-11-23T09:30:00Z");
    await addLeaders(h, [{ id: "UPAUSED", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    const ws = await h.app.stores.workspaces.ensureWorkspace("slack", "T0001", h.app.core.defaults);
    const paused = (await h.app.stores.workspaces.findMember(ws.id, "UPAUSED"))!;
    await h.app.stores.workspaces.updateMember(paused.id, { pausedUntil: new Date("2026-12-01T00:00:00Z") });
    expect(await h.app.core.nudges.tick()).toMatchObject({ planned: 0, sent: 0 });
  });

  it("honours Retry-After on 429 and gives up on a user who is gone", async () => {
    const h = await harness("2026-11-23T08:00:00Z");
    await addLeaders(h, [{ id: "URATE", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    h.slack.failNext("chat.postMessage", { status: 429, retryAfter: 120 });
    expect(await h.app.core.nudges.tick()).toMatchObject({ sent: 0, retrying: 1 });
    h.clock.advance(60_000);
    expect((await h.app.core.nudges.tick()).sent).toBe(0); // Retry-After not over yet
    h.clock.advance(61_000);
    expect((await h.app.core.nudges.tick()).sent).toBe(1);
    expect(dmsTo(h, "URATE")).toHaveLength(2); // the refused attempt and the delivered one

    await addLeaders(h, [{ id: "UGONE", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    h.slack.failNext("chat.postMessage", { error: "user_not_found" });
    expect(await h.app.core.nudges.tick()).toMatchObject({ failed: 1 });
    h.clock.advance(24 * 3600_000);
    await h.app.core.nudges.tick();
    expect(dmsTo(h, "UGONE")).toHaveLength(1);
    expect(h.logs.join("")).toContain("slack: user_not_found");
  });

  it("retries a Slack outage with backoff until it is delivered", async () => {
    const h = await harness("2026-11-23T08:00:00Z");
    await addLeaders(h, [{ id: "U5XX", tz: "Europe/Berlin" }], "2026-11-01T00:00:00Z");
    h.slack.failNext("chat.postMessage", { status: 503 }, { status: 503 }, { status: 503 });
    expect(await h.app.core.nudges.tick()).toMatchObject({ retrying: 1 });
    h.clock.advance(60 * 60_000);
    expect(await h.app.core.nudges.tick()).toMatchObject({ sent: 1 });
  });
});
