// retryDecision: when a failed delivery is tried again. Jitter is random, so each case checks
// the window the wait must fall in rather than one value.
import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../../src/core/shared/ports.js";
import { asDeliveryError, MAX_ATTEMPTS, retryDecision, runPool } from "../../../src/core/shared/retry.js";

const now = new Date("2026-11-23T08:00:00Z");
const waitOf = (decision: { nextAttemptAt: Date }) => decision.nextAttemptAt.getTime() - now.getTime();

describe("retryDecision", () => {
  it("takes a 429's Retry-After at its word, plus at most a second of jitter", () => {
    for (let i = 0; i < 50; i++) {
      const decision = retryDecision(new DeliveryError("ratelimited", { retryAfterMs: 45_000 }), 3, now);
      expect(decision.giveUp).toBe(false);
      expect(decision.reason).toBe("ratelimited");
      expect(waitOf(decision)).toBeGreaterThanOrEqual(45_000);
      expect(waitOf(decision)).toBeLessThan(46_000);
    }
  });

  it("honours Retry-After even when it is longer than the backoff cap", () => {
    const decision = retryDecision(new DeliveryError("ratelimited", { retryAfterMs: 2 * 3600_000 }), 1, now);
    expect(waitOf(decision)).toBeGreaterThanOrEqual(2 * 3600_000);
  });

  it("backs off exponentially from 30 s on a 5xx, within ±25 %, capped at an hour", () => {
    const serverError = new DeliveryError("HTTP 503 Service Unavailable");
    for (const [attempts, base] of [
      [1, 30_000],
      [2, 60_000],
      [3, 120_000],
      [5, 480_000],
      [7, 1_920_000],
    ] as const) {
      for (let i = 0; i < 20; i++) {
        const decision = retryDecision(serverError, attempts, now, 10);
        expect(decision.giveUp).toBe(false);
        expect(waitOf(decision)).toBeGreaterThanOrEqual(base * 0.75);
        expect(waitOf(decision)).toBeLessThanOrEqual(base * 1.25);
      }
    }
    const late = retryDecision(serverError, 9, now, 20); // 30 s · 2^8 = 2 h 8 min, capped
    expect(waitOf(late)).toBeGreaterThanOrEqual(3600_000 * 0.75);
    expect(waitOf(late)).toBeLessThanOrEqual(3600_000 * 1.25);
  });

  it("gives up at once on a permanent error, and after the last attempt on any other", () => {
    expect(retryDecision(new DeliveryError("channel_not_found", { permanent: true }), 1, now)).toMatchObject({
      giveUp: true,
      reason: "channel_not_found",
    });
    expect(retryDecision(new DeliveryError("HTTP 500"), MAX_ATTEMPTS - 1, now).giveUp).toBe(false);
    expect(retryDecision(new DeliveryError("HTTP 500"), MAX_ATTEMPTS, now).giveUp).toBe(true);
    expect(retryDecision(new DeliveryError("HTTP 500"), 3, now, 3).giveUp).toBe(true);
    // Even a rate limit ends after the last attempt.
    expect(retryDecision(new DeliveryError("ratelimited", { retryAfterMs: 1000 }), MAX_ATTEMPTS, now).giveUp).toBe(
      true,
    );
  });

  it("treats anything that is not a DeliveryError as transient, and keeps reasons short", () => {
    const decision = retryDecision(new Error("socket hang up"), 1, now);
    expect(decision).toMatchObject({ giveUp: false, reason: "socket hang up" });
    expect(retryDecision("x".repeat(2000), 1, now).reason).toHaveLength(500);
    expect(asDeliveryError("plain")).toBeInstanceOf(DeliveryError);
  });
});

describe("runPool", () => {
  it("runs every item with no more than the pool size in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      done.push(item);
      inFlight--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});
