// What the digest's figures say, in Slack and Teams alike: tone is named for what it measures
// (how the team speaks about customers) with a legend, and a withheld figure says why where it
// would be — a small workspace's digest has no bare dash.
import { describe, expect, it } from "vitest";
import { digestBlocks } from "../src/bots/slack/presence/blocks.js";
import { digestCard } from "../src/bots/teams/presence/digestCard.js";
import type { ChannelFigures, DigestReport } from "../src/core/presence/ports.js";

const WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const shown = (channelRef: string | null, positive: number, negative: number): ChannelFigures => ({
  channelRef,
  messages: 40,
  customerShare: 0.25,
  positiveShare: positive,
  negativeShare: negative,
  hidden: null,
  change: null,
  trend: WEEKS.map(() => 0.25),
  toneTrend: WEEKS.map(() => ({ positive: 0.1, neutral: 0.1, negative: 0.05 })),
});
const withheld = (hidden: ChannelFigures["hidden"]): ChannelFigures => ({
  channelRef: null,
  messages: 0,
  customerShare: null,
  positiveShare: null,
  negativeShare: null,
  hidden,
  change: null,
  trend: WEEKS.map(() => null),
  toneTrend: WEEKS.map(() => null),
});

const busy = (language: "de" | "en"): DigestReport => ({
  week: "2026-W48",
  weeks: WEEKS,
  language,
  channels: [shown("C1", 0, 0)],
  other: null,
  workspace: shown(null, 0.4, 0),
  leaders: {
    leaders: 4,
    nudged: 4,
    answered: 3,
    answeredShare: 0.75,
    questions: [{ question: "care", leaders: 3, average: 3.7 }],
  },
  suggestions: { created: 2, answeredShare: 0.5, top: [] },
  bullets: [],
  minAuthors: 3,
});

/** A new, small workspace: two people wrote, one leader, nothing suggested yet. */
const small = (language: "de" | "en", hidden: ChannelFigures["hidden"] = "few-authors"): DigestReport => ({
  week: "2026-W48",
  weeks: WEEKS,
  language,
  channels: [],
  other: null,
  workspace: { ...withheld(hidden), messages: 5 },
  leaders: {
    leaders: 1,
    nudged: 1,
    answered: 1,
    answeredShare: null,
    questions: [{ question: "ask", leaders: 1, average: null }],
  },
  suggestions: { created: 0, answeredShare: null, top: [] },
  bullets: [],
  minAuthors: 3,
});

const slackText = (r: DigestReport) => JSON.stringify(digestBlocks(r));
const teamsText = (r: DigestReport) => JSON.stringify(digestCard(r));

describe("the digest's wording", () => {
  it("names tone for what it measures, with a one-line legend (Slack and Teams, EN and DE)", () => {
    for (const text of [slackText(busy("en")), teamsText(busy("en"))]) {
      expect(text).toContain("How the team speaks about customers: appreciative 40% · factual 60% · disparaging 0%");
      // A channel line follows the workspace line with the same three named tones.
      expect(text).toContain("appreciative 0% · factual 100% · disparaging 0%");
      expect(text).toContain(
        "not how customers feel: a complaint or a cancellation reported matter-of-factly counts as factual",
      );
      expect(text).not.toMatch(/😊|😟/);
    }
    for (const text of [slackText(busy("de")), teamsText(busy("de"))].map((t) => t.replace(/[\u00a0\u202f]/g, " "))) {
      expect(text).toContain("Ton gegenüber Kunden: wertschätzend 40 % · sachlich 60 % · abwertend 0 %");
      expect(text).toContain("Eine Beschwerde oder Kündigung, sachlich berichtet, zählt als sachlich");
    }
  });

  it("says why each figure of a small workspace is withheld, never a bare dash", () => {
    for (const text of [slackText(small("en")), teamsText(small("en"))]) {
      expect(text).not.toContain("–");
      expect(text).toContain("shown when at least 3 people wrote in the week — fewer did");
      expect(text).toContain("Answer rate shown when at least 3 leaders were nudged — 1 was.");
      expect(text).toContain("Asking: shown when at least 3 leaders answered — 1 did");
      expect(text).toContain("no suggestions in the last 8 weeks to answer yet");
    }
    const de = slackText(small("de"));
    expect(de).not.toContain("–");
    expect(de).toContain("Antwortquote sichtbar, wenn mindestens 3 Führungskräfte Impulse erhalten haben — es war 1.");
    expect(de).toContain("Vorschläge: sichtbar, wenn mindestens 3 Führungskräfte geantwortet haben — es war 1");
    expect(slackText(small("en", "small-rest"))).toContain("the whole would give them away");
    expect(slackText(small("en", "no-messages"))).toContain("no messages measured this week");
  });

  it("says so when a channel had messages but none about customers, instead of a tone of dashes", () => {
    const none = {
      ...busy("en"),
      channels: [{ ...shown("C1", 0, 0), customerShare: 0, positiveShare: null, negativeShare: null }],
    };
    const text = slackText(none);
    expect(text).toContain("no message about customers, so no tone");
    expect(text).not.toContain("–");
  });
});
