// The in-memory hourly limit: a window that spans the hourly key change still counts every
// submission, a slot given back does not count, and people are counted apart.
import { describe, expect, it } from "vitest";
import { SubmissionLimiter } from "../../../src/core/suggestions/limiter.js";

function limiterAt(iso: string) {
  const clock = { now: new Date(iso) };
  const limiter = new SubmissionLimiter(() => clock.now, 3);
  return { limiter, set: (at: string) => void (clock.now = new Date(at)) };
}

describe("SubmissionLimiter", () => {
  it("allows the limit per person and window, also across the hourly key change", () => {
    const { limiter, set } = limiterAt("2026-11-24T09:50:00Z");
    for (let i = 0; i < 3; i++) expect(limiter.take("ws:anna")).not.toBeNull();
    expect(limiter.take("ws:anna")).toBeNull();
    expect(limiter.take("ws:ben")).not.toBeNull();
    // A new key from 10:00 on, but 10:10 is within the hour of 09:50.
    set("2026-11-24T10:10:00Z");
    expect(limiter.take("ws:anna")).toBeNull();
    set("2026-11-24T10:51:00Z");
    expect(limiter.take("ws:anna")).not.toBeNull();
  });

  it("does not count a slot that was given back", () => {
    const { limiter } = limiterAt("2026-11-24T09:00:00Z");
    for (let i = 0; i < 3; i++) limiter.take("ws:anna")?.release();
    for (let i = 0; i < 3; i++) expect(limiter.take("ws:anna")).not.toBeNull();
    expect(limiter.take("ws:anna")).toBeNull();
  });
});
