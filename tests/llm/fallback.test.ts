// withFallback: whatever the primary does wrong, each chunk ends up with valid verdicts.
import { describe, expect, it } from "vitest";
import { builtinClassifier, classifyMessage } from "../../src/core/presence/builtinClassifier.js";
import type { PresenceClassifier, PresenceVerdict } from "../../src/core/presence/classifier.js";
import { ClassifierFailure, isValidVerdict, withFallback } from "../../src/core/presence/fallback.js";

const TEXTS = [
  "Der Kunde hat sich für die schnelle Hilfe bedankt.",
  "Kantine ist heute zu.",
  "These customers never read the manual, unbelievable.",
  "Please rotate the client secret before Friday.",
];
const EXPECTED = TEXTS.map(classifyMessage);

function primary(answer: (texts: readonly string[]) => unknown): PresenceClassifier & { calls: number } {
  const p = {
    name: "fake",
    calls: 0,
    classify: async (texts: readonly string[]) => {
      p.calls++;
      return answer(texts) as PresenceVerdict[];
    },
  };
  return p;
}

function recorder() {
  const events: { reason: string; count: number }[] = [];
  return { events, onFallback: (reason: string, count: number) => void events.push({ reason, count }) };
}

describe("withFallback", () => {
  it("uses the primary's verdicts when they are valid, as fresh objects", async () => {
    const answer = TEXTS.map(() => ({ customer: true, tone: "positive", extra: "x" }));
    const { events, onFallback } = recorder();
    const result = await withFallback(
      primary(() => answer),
      builtinClassifier,
      onFallback,
    ).classify(TEXTS);
    expect(result).toEqual(TEXTS.map(() => ({ customer: true, tone: "positive" })));
    expect(result[0]).not.toHaveProperty("extra");
    expect(events).toEqual([]);
  });

  it.each([
    [
      "throws a ClassifierFailure",
      () => {
        throw new ClassifierFailure("timeout");
      },
      "fake: timeout",
    ],
    [
      "throws anything else (reported by name only)",
      () => {
        throw new TypeError(`secret ${TEXTS[0]}`);
      },
      "fake: failed (TypeError)",
    ],
    ["answers with too few verdicts", () => [{ customer: false, tone: null }], "fake: returned 1 verdicts for 4 texts"],
    ["answers with no list", () => ({ results: [] }), "fake: returned no list of verdicts"],
    [
      "answers a tone for a non-customer",
      () => TEXTS.map(() => ({ customer: false, tone: "neutral" })),
      "fake: returned an invalid verdict at position 0",
    ],
    [
      "answers a customer without tone",
      () => [...EXPECTED.slice(0, 3), { customer: true, tone: null }],
      "fake: returned an invalid verdict at position 3",
    ],
    [
      "answers an unknown tone",
      () => [...EXPECTED.slice(0, 2), { customer: true, tone: "meh" }, EXPECTED[3]],
      "fake: returned an invalid verdict at position 2",
    ],
  ])("falls back when the primary %s", async (_name, answer, reason) => {
    const { events, onFallback } = recorder();
    const result = await withFallback(primary(answer), builtinClassifier, onFallback).classify(TEXTS);
    expect(result).toEqual(EXPECTED);
    expect(result.every(isValidVerdict)).toBe(true);
    expect(events).toEqual([{ reason, count: 4 }]);
  });

  it("falls back per chunk, keeps the order with concurrency, and survives a throwing listener", async () => {
    const texts = Array.from({ length: 10 }, (_, i) =>
      i % 2 ? `Kunde Nummer ${i} ist begeistert!` : `Build ${i} ist grün.`,
    );
    let call = 0;
    const p = primary((chunk) => {
      call++;
      if (call === 2) throw new ClassifierFailure("HTTP 500");
      return chunk.map(classifyMessage);
    });
    const reasons: string[] = [];
    const classifier = withFallback(
      p,
      builtinClassifier,
      (reason, count) => {
        reasons.push(`${reason}/${count}`);
        throw new Error("listener broken");
      },
      { chunkSize: 3, concurrency: 2 },
    );
    expect(await classifier.classify(texts)).toEqual(texts.map(classifyMessage));
    expect(p.calls).toBe(4);
    expect(reasons).toEqual(["fake: HTTP 500/3"]);
  });

  it("answers [] for no texts without calling anyone", async () => {
    const p = primary(() => []);
    expect(await withFallback(p, builtinClassifier).classify([])).toEqual([]);
    expect(p.calls).toBe(0);
  });

  it("throws only when the fallback fails too", async () => {
    const broken = primary(() => [{ customer: "yes" }]);
    await expect(withFallback(broken, broken).classify(["x"])).rejects.toThrow(/fallback/);
  });
});
