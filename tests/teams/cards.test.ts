// Renderers and markdown: pure functions, checked structurally.
import { describe, expect, it } from "vitest";
import { checkinCard } from "../../src/bots/teams/checkins/cards.js";
import { parseRetryAfter } from "../../src/bots/teams/delivery.js";
import { escapeMarkdown, teamsText } from "../../src/bots/teams/markdown.js";
import { texts } from "../../src/prompts/texts.js";

describe("Teams markdown", () => {
  it("renders neutral copy in Teams wording", () => {
    expect(teamsText(texts("en").answered(4, "Mostly"))).toBe("✅ Your answer: **4 – Mostly**");
    expect(teamsText(texts("en").paused("1 May"))).toContain("`resume` brings them back");
    expect(teamsText(texts("de").mentionUsage)).toBe("Erwähne die Personen, z. B. `leaders add @anna @ben`.");
    expect(teamsText("`{cmd:me}` **a** `{cmd:me pause 2w}` `{cmd:suggest}` `{cmd:admin mirror schedule off}`")).toBe(
      "`me` **a** `pause 2w` `suggest` `mirror schedule off`",
    );
  });

  it("makes user text inert", () => {
    expect(escapeMarkdown("[bank](https://evil) <at>all</at> **x**")).toBe(
      "\\[bank\\]\\(https://evil\\) &lt;at&gt;all&lt;/at&gt; \\*\\*x\\*\\*",
    );
  });
});

describe("nudge card", () => {
  const base = {
    nudgeId: "n1",
    week: "2026-W48",
    language: "de" as const,
    questions: ["care" as const],
    ratings: {},
    streak: 0,
    reflections: {},
  };

  it("asks in the person's language with five Execute buttons, Submit fallbacks, a reflection field, snooze and skip", () => {
    const card = checkinCard({ ...base, status: "sent" });
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const json = JSON.stringify(card);
    expect(json).toContain("Interessiert mich das Kundenwohl wirklich");
    expect(json).toContain('"verb":"snooze"');
    expect(json).toContain('"id":"reflection_care"');
    expect(json.match(/"type":"Action.Submit"/g)).toHaveLength(7);
  });

  it("shows the answer and streak instead of snooze/skip once answered, and only text when skipped", () => {
    const answered = JSON.stringify(checkinCard({ ...base, status: "answered", ratings: { care: 3 }, streak: 2 }));
    expect(answered).toContain("Deine Antwort: **3 – Teils**");
    expect(answered).toContain("Serie: 2 Wochen");
    expect(answered).not.toContain('"verb":"skip"');
    expect(JSON.stringify(checkinCard({ ...base, status: "skipped" }))).not.toContain("Action.Execute");
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
