// The Teams mirror cards against Teams' 28 KB message limit: the fullest results card a leader
// can get (every question with evidence and a suggestion, a long name, many team channels to
// share into) fits with its PNG fallback; a fallback that would not fit is dropped while the
// chart Teams draws itself stays.
import { describe, expect, it } from "vitest";
import { type AdaptiveCard, MAX_CARD_BYTES } from "../../src/bots/teams/adaptiveCard.js";
import { resultsCard, sharedCard } from "../../src/bots/teams/mirror/cards.js";
import { mirrorChartSpec } from "../../src/charts/mirror.js";
import { chartPng } from "../../src/charts/render.js";
import type { QuestionFigures, ResultsView } from "../../src/core/mirror/ports.js";
import { QUESTION_KEYS } from "../../src/core/shared/questions.js";

const questions: QuestionFigures[] = QUESTION_KEYS.map((question) => ({
  question,
  self: 5,
  answered: 50,
  team: 2.14,
  spread: 1.23,
  gap: 2.86,
  label: "blind-spot",
  evidence:
    question === "ask"
      ? { kind: "asking", asks: 12, teamSuggestions: 48, days: 90 }
      : {
          kind: "presence",
          messages: 4000,
          customerShare: 0.123,
          positiveShare: 0.5,
          negativeShare: 0.25,
          channels: 20,
        },
}));
const view = (language: "en" | "de"): ResultsView => ({
  language,
  leaderName: "Maximiliane-Alexandra von Hohenzollern-Sigmaringen-Wittelsbach".repeat(2),
  round: { id: "3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f", openedAt: new Date(), closedAt: new Date() },
  results: { responses: 50, invited: 50, questions, selfSource: "self-rating" },
  minResponses: 3,
});
const choices = Array.from({ length: 20 }, (_, i) => ({
  title: `Customer Success Operations — Region ${i} ${"x".repeat(80)}`,
  value: `19:${"a".repeat(32)}${i}@thread.tacv2`,
}));
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));
const fallbackOf = (card: AdaptiveCard) =>
  (card.body as { type: string; fallback?: unknown }[]).find((e) => e.type === "Chart.VerticalBar.Grouped")?.fallback;

describe("the Teams mirror cards and the 28 KB limit", () => {
  for (const language of ["en", "de"] as const) {
    it(`keeps the fullest results card with its share form and PNG under the limit (${language})`, async () => {
      const png = await chartPng(mirrorChartSpec(view(language).results!, language));
      const card = resultsCard(view(language), { chartPng: png, shareChoices: choices, notice: "x".repeat(200) });
      expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(fallbackOf(card)).toMatchObject({ type: "Image" });
      const shared = sharedCard(view(language), png);
      expect(bytes(shared)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(fallbackOf(shared)).toMatchObject({ type: "Image" });
    });
  }

  it("drops a PNG fallback that would not fit, and keeps the chart Teams draws", () => {
    const huge = Buffer.alloc(30_000, 7);
    for (const card of [resultsCard(view("en"), { chartPng: huge }), sharedCard(view("en"), huge)]) {
      expect(bytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(fallbackOf(card)).toBe("drop");
    }
  });
});
