// Renderers for the Teams suggestion box and digest: user text stays literal, nobody's id rides
// along on an anonymous post, and a digest with very many channels stays under Teams' card limit.
import { describe, expect, it } from "vitest";
import { digestCard, MAX_CARD_BYTES } from "../../src/bots/teams/digestCard.js";
import { escapeCardText, plainText, unescapeCardText } from "../../src/bots/teams/markdown.js";
import { suggestionPostCard } from "../../src/bots/teams/suggestionCards.js";
import type { ChannelFigures, DigestReport } from "../../src/core/presence/model.js";
import type { SuggestionView } from "../../src/core/suggestions.js";

const WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const figures = (channelRef: string | null, messages: number): ChannelFigures => ({
  channelRef, messages, customerShare: 0.3456, positiveShare: 0.5, negativeShare: 0.25, change: 2.4, trend: [0.1, 0.2, null, 0.3, 0.25, 0.4, 0.3, 0.3456],
  toneTrend: [0.1, 0.2, null, 0.3, 0.25, 0.4, 0.3, 0.3456].map((v) => (v === null ? null : { positive: v / 2, neutral: v / 4, negative: v / 4 })),
});
const report = (channels: number, language: "de" | "en" = "en"): DigestReport => ({
  week: "2026-W48",
  weeks: WEEKS,
  language,
  channels: Array.from({ length: channels }, (_, i) => figures(`19:channel-${i}@thread.tacv2`, 1234 - i)),
  other: figures(null, 12),
  workspace: figures(null, 12345),
  leaders: { leaders: 3, nudged: 8, answered: 6, answeredShare: 0.75, questions: [{ question: "care", leaders: 4, average: 3.5 }] },
  suggestions: { created: 3, answeredShare: 0.5, top: [{ number: 7, text: "[evil](https://x) <at>Boss</at>", votes: 4 }] },
  bullets: ["*Support* mentioned customers more"],
  minAuthors: 3,
});

describe("Teams cards for suggestions and the digest", () => {
  it("escapes user text so it shows literally and cannot link, mention or format", () => {
    for (const text of ["<at>Boss</at>", "[click](https://evil)", "<b>html</b>", "# head\n- item\n1. one", "a\\b *c* _d_ `e` ~f~ &amp;"]) {
      const escaped = escapeCardText(text);
      expect(escaped).not.toMatch(/(^|[^\\])[<[\]*_`]/);
      expect(unescapeCardText(escaped)).toBe(text);
    }
    expect(plainText("<p>Hi <at>Ann</at>,</p><p>5 &lt; 6 &amp;&nbsp;ok</p>")).toBe("Hi Ann,\n5 < 6 & ok");
  });

  it("names an anonymous author nowhere", () => {
    const view: SuggestionView = {
      id: "s1", workspaceId: "w1", number: 3, text: "Idea", touchpoint: "billing", authorExternalId: null, status: "new",
      responseNote: null, responderExternalId: null, channelRef: null, messageRef: null, votes: 2, createdAt: new Date(), language: "de",
    };
    const card = suggestionPostCard(view, null);
    expect(JSON.stringify(card)).toContain("_anonym_");
    expect(JSON.stringify(card)).toContain("2 Stimmen");
    expect((card.msteams as { entities?: unknown }).entities).toBeUndefined();
  });

  it("formats numbers for the locale and keeps a huge digest under the size limit", () => {
    const de = JSON.stringify(digestCard(report(3, "de"))).replace(/[\u00a0\u202f]/g, " "); // Intl spaces before "%"
    expect(de).toContain("12.345 Nachrichten · **35 %** über Kunden (+2 Pkt.)");
    expect(de).toContain("Kundenwohl 3,5");
    expect(de).toContain("data:image/png;base64,");
    expect(de).not.toContain("<at>Boss</at>");
    const en = JSON.stringify(digestCard(report(3, "en")));
    expect(en).toContain("12,345 messages · **35%** about customers (+2 pts)");
    const huge = digestCard(report(500), { channelName: (ref) => `A rather long channel name for ${ref}` });
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(JSON.stringify(huge)).toContain("…and 470 more channels.");
  });
});
