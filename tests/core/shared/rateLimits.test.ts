// RateLimitHolds: a hold applies to its key alone, a later hold extends it, an earlier one
// never shortens it; a 429's scope picks the key it holds.
import { describe, expect, it } from "vitest";
import { heldKey, RateLimitHolds, rateLimitKeys } from "../../../src/core/shared/rateLimits.js";

describe("RateLimitHolds", () => {
  it("holds back only the keys it was told, until the latest hold", () => {
    const holds = new RateLimitHolds();
    const anna = rateLimitKeys("w1", "UANNA", "sendNudge");
    const ben = rateLimitKeys("w1", "UBEN", "sendNudge");
    holds.hold(heldKey(undefined, "w1", "UANNA", "sendNudge"), 1000);
    expect(holds.freeAt(anna)).toBe(1000);
    expect(holds.freeAt(ben)).toBe(0);
    holds.hold(heldKey("conversation", "w1", "UANNA", "sendNudge"), 500);
    expect(holds.freeAt(anna)).toBe(1000);
    holds.hold(heldKey("conversation", "w1", "UANNA", "sendNudge"), 3000);
    expect(holds.freeAt(anna)).toBe(3000);
  });

  it("holds a whole method of one workspace when the limit is per method", () => {
    const holds = new RateLimitHolds();
    holds.hold(heldKey("method", "w1", "UANNA", "findSentNudge"), 5000);
    expect(holds.freeAt(rateLimitKeys("w1", "UBEN", "findSentNudge"))).toBe(5000);
    expect(holds.freeAt(rateLimitKeys("w1", "UBEN", "sendNudge"))).toBe(0);
    expect(holds.freeAt(rateLimitKeys("w2", "UBEN", "findSentNudge"))).toBe(0);
  });
});
