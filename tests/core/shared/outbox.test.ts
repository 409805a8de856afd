// The outbox against an in-memory OutboxStore: an effect is queued once, claimed by one sender
// at a time, retried with backoff, given up on, and taken over when its lease runs out —
// looking first whether the sender that died had delivered it.
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "../../../src/core/shared/model.js";
import { Outbox, type OutboxEntry } from "../../../src/core/shared/outbox.js";
import { DeliveryError, type MessageRef } from "../../../src/core/shared/ports.js";
import { MAX_ATTEMPTS } from "../../../src/core/shared/retry.js";
import { MemoryLogger, type TestClock, testClock } from "../support/basics.js";
import { MemoryOutboxStore } from "../support/outbox.js";
import { MemoryWorkspaceStore } from "../support/workspaces.js";

const LEASE = 120_000;
let time: TestClock;
let store: MemoryOutboxStore;
let outbox: Outbox;
let ws: Workspace;
/** What the "platform" received, and what the next attempts should throw. */
let delivered: { entry: string; recipient: string; tag: string }[];
let failures: Error[];
let findable: Map<string, MessageRef>;
let logger: MemoryLogger;

beforeEach(async () => {
  time = testClock("2026-11-23T08:00:00Z");
  const workspaces = new MemoryWorkspaceStore();
  ws = await workspaces.workspace();
  store = new MemoryOutboxStore(workspaces);
  logger = new MemoryLogger();
  outbox = new Outbox(store, time.clock, logger, LEASE);
  delivered = [];
  failures = [];
  findable = new Map();
  const lookup = { findSent: async (_w: Workspace, _conversation: string, tag: string) => findable.get(tag) ?? null };
  outbox.handle("note", async (entry: OutboxEntry, _workspace, once) => {
    await once(lookup, async (tag) => {
      const failure = failures.shift();
      if (failure) throw failure;
      delivered.push({ entry: entry.id, recipient: entry.recipient, tag });
      return { channelRef: entry.recipient, messageRef: `m-${delivered.length}` };
    });
  });
});

const note = (key: string, recipient = "C1") => ({
  workspaceId: ws.id,
  kind: "note",
  subjectId: key,
  recipient,
  dedupeKey: key,
});

describe("Outbox", () => {
  it("queues one effect once and delivers it once, tagged with its entry id", async () => {
    expect(await outbox.enqueue(note("answer:s1:done"))).toBe(1);
    expect(await outbox.enqueue(note("answer:s1:done"))).toBe(0);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const row = store.byKey("answer:s1:done")!;
    expect(delivered).toEqual([{ entry: row.id, recipient: "C1", tag: row.id }]);
    expect(row).toMatchObject({ status: "sent", attempts: 1, sentAt: time.now(), claimedUntil: null });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
  });

  it("a forgotten effect can be queued afresh", async () => {
    await outbox.enqueue(note("notice:C1"));
    await outbox.deliverDue();
    await outbox.forget("notice:C1");
    expect(await outbox.enqueue(note("notice:C1"))).toBe(1);
    await outbox.deliverDue();
    expect(delivered).toHaveLength(2);
  });

  it("retries a 5xx with growing backoff and not before it is due", async () => {
    await outbox.enqueue(note("k"));
    failures.push(new DeliveryError("HTTP 502"), new DeliveryError("HTTP 502"));
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const first = store.byKey("k")!;
    const firstWait = first.nextAttemptAt.getTime() - time.now().getTime();
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 502", claimedUntil: null });
    expect(firstWait).toBeGreaterThanOrEqual(22_500);
    expect(firstWait).toBeLessThanOrEqual(37_500);

    expect(await outbox.deliverDue(new Date(time.now().getTime() + 20_000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    time.set(first.nextAttemptAt);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const second = store.byKey("k")!;
    const secondWait = second.nextAttemptAt.getTime() - time.now().getTime();
    expect(second.attempts).toBe(2);
    expect(secondWait).toBeGreaterThanOrEqual(45_000);
    expect(secondWait).toBeLessThanOrEqual(75_000);

    time.set(second.nextAttemptAt);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(store.byKey("k")).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("waits as long as a 429's Retry-After says", async () => {
    await outbox.enqueue(note("k"));
    failures.push(new DeliveryError("ratelimited", { retryAfterMs: 600_000 }));
    await outbox.deliverDue();
    const wait = store.byKey("k")!.nextAttemptAt.getTime() - time.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(600_000);
    expect(wait).toBeLessThan(601_000);
  });

  it("gives up at once on a permanent error, and after the last attempt on a transient one", async () => {
    await outbox.enqueue(note("gone"));
    failures.push(new DeliveryError("channel_not_found", { permanent: true }));
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(store.byKey("gone")).toMatchObject({ status: "failed", attempts: 1, lastError: "channel_not_found" });
    time.advance(24 * 3600_000);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await outbox.enqueue(note("always-503"));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      failures.push(new DeliveryError("HTTP 503"));
      time.set(store.byKey("always-503")!.nextAttemptAt);
      const round = await outbox.deliverDue();
      expect(round).toEqual(
        attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 },
      );
    }
    expect(store.byKey("always-503")).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    time.advance(24 * 3600_000);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("fails an entry whose kind has no handler, and retries it like any other failure", async () => {
    await outbox.enqueue({ ...note("k"), kind: "unknown.kind" });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(store.byKey("k")!.lastError).toBe("no handler for unknown.kind on this installation");
  });

  it("hands a claimed entry to nobody else until its lease runs out", async () => {
    await outbox.enqueue(note("k"));
    const first = await store.claimDue(time.now(), 10, LEASE);
    expect(first.map((e) => e.interrupted)).toEqual([false]);
    time.advance(LEASE - 1000);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await store.claimDue(time.now(), 10, LEASE)).toEqual([]);
    time.advance(2000);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
  });

  it("after a lease ran out, records what the dead sender delivered instead of posting twice", async () => {
    await outbox.enqueue(note("k"));
    const [claimed] = await store.claimDue(time.now(), 10, LEASE);
    findable.set(claimed!.id, { channelRef: "C1", messageRef: "m-earlier" }); // it did post, then died
    time.advance(LEASE + 1000);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(delivered).toEqual([]);
    expect(store.byKey("k")!.status).toBe("sent");
  });

  it("after a lease ran out with nothing delivered, posts it", async () => {
    await outbox.enqueue(note("k"));
    await store.claimDue(time.now(), 10, LEASE);
    time.advance(LEASE + 1000);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
  });

  it("postpones, without counting an attempt, when the lookup itself is rate-limited", async () => {
    await outbox.enqueue(note("k"));
    await store.claimDue(time.now(), 10, LEASE);
    time.advance(LEASE + 1000);
    const limited = new Outbox(store, time.clock, logger, LEASE);
    limited.handle("note", async (_entry, _workspace, once) => {
      await once(
        { findSent: async () => Promise.reject(new DeliveryError("ratelimited", { retryAfterMs: 60_000 })) },
        async () => {
          delivered.push({ entry: "x", recipient: "x", tag: "x" });
        },
      );
    });
    expect(await limited.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = store.byKey("k")!;
    expect(row).toMatchObject({
      attempts: 0,
      status: "pending",
      nextAttemptAt: new Date(time.now().getTime() + 60_000),
    });
    expect(delivered).toEqual([]);
    // When it is due again it is still interrupted, so it looks again (and this time finds nothing and posts).
    time.set(new Date(row.nextAttemptAt.getTime() + 1));
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
  });
});
