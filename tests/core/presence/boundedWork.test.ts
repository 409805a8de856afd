// Bad input costs bounded work: a text longer than MAX_CHARS is classified on its first
// MAX_CHARS characters (so 100 KB costs what 4 KB costs, whatever it holds), and the caches
// that make the classifier fast (word facts, literal scans) change no result, also when a flood
// of distinct words empties the word cache between messages.
import { describe, expect, it } from "vitest";
import { builtinClassifier, createBuiltinClassifier } from "../../../src/core/presence/builtinClassifier.js";
import { MAX_CHARS } from "../../../src/core/presence/text.js";

const binary = (n: number) => Array.from({ length: n }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join("");
const HUGE: [string, string][] = [
  ["words", "Der Kunde ist sauer, wir haben ihn warten lassen. ".repeat(2100)],
  ["one token", "a".repeat(100_000)],
  ["emoji only", "🎉🙄💅😂".repeat(13_000)],
  ["binary-looking", binary(100_000)],
  ["backticks and quotes", "`„\"'".repeat(25_000)],
  ["honorifics", "Frau ".repeat(20_000)],
  ["lone surrogates", "\ud800x\udc00".repeat(34_000)],
  ["mixed", "Unsere Kund:innen lieben die neue App 🙌 but the HTTP client keeps timing out. ".repeat(1300)],
];

describe("bounded work on bad input", () => {
  it("a 100 KB text is classified and explained as its first MAX_CHARS characters", () => {
    for (const [name, text] of HUGE) {
      expect(text.length, name).toBeGreaterThanOrEqual(100_000);
      const head = text.slice(0, MAX_CHARS);
      expect(builtinClassifier.classifyMessage(text), name).toEqual(builtinClassifier.classifyMessage(head));
      expect(builtinClassifier.explain(text), name).toEqual(builtinClassifier.explain(head));
    }
  });

  it("gives the same answers before and after the word cache is emptied by a flood of new words", () => {
    const texts = [
      "Die Kunden sind mal wieder zu blöd, die Anleitung zu lesen 🙄",
      "Thanks Sam for jumping on that customer call so quickly, they were really relieved.",
      "Frau Krüger von der Apotheke am Markt bittet um Rückruf.",
      "Der HTTP client in billing hat ein Timeout von 30s.",
    ];
    const classifier = createBuiltinClassifier({ industry: "legal-tax", terms: ["Stadtwerke Nord"] });
    const before = texts.map((t) => classifier.explain(t));
    // 60,000 distinct words, more than the cache keeps, in messages of 600 words
    for (let m = 0; m < 100; m++)
      classifier.classifyMessage(Array.from({ length: 600 }, (_, k) => `wort${m}x${k}`).join(" "));
    expect(texts.map((t) => classifier.explain(t))).toEqual(before);
    expect(texts.map((t) => classifier.classifyMessage(t))).toEqual(before.map((e) => e.verdict));
  });
});
