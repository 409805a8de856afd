// Renderers for the Teams suggestion box and digest: user text stays literal, nobody's id rides
// along on an anonymous post, the digest's trend is Teams' own chart with the PNG as fallback,
// and a digest with very many channels stays under Teams' card limit.
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_CARD_BYTES } from "../../src/bots/teams/adaptiveCard.js";
import { escapeCardText, plainText, unescapeCardText } from "../../src/bots/teams/markdown.js";
import { digestCard } from "../../src/bots/teams/presence/digestCard.js";
import { suggestionPostCard } from "../../src/bots/teams/suggestions/cards.js";
import { PRESENCE_TREND_SIZE, presenceTrendSpec } from "../../src/charts/presenceTrend.js";
import { chartPng } from "../../src/charts/render.js";
import type { ChannelFigures, DigestReport } from "../../src/core/presence/ports.js";
import type { SuggestionView } from "../../src/core/suggestions/ports.js";
import { decodePng } from "../helpers/png.js";

const WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const TREND = [0.1, 0.2, null, 0.3, 0.25, 0.4, 0.3, 0.3456];
const figures = (channelRef: string | null, messages: number): ChannelFigures => ({
  channelRef,
  messages,
  customerShare: 0.3456,
  positiveShare: 0.5,
  negativeShare: 0.25,
  hidden: null,
  change: 2.4,
  trend: TREND,
  toneTrend: TREND.map((v) => (v === null ? null : { positive: v / 2, neutral: v / 4, negative: v / 4 })),
});
const report = (channels: number, language: "de" | "en" = "en"): DigestReport => ({
  week: "2026-W48",
  weeks: WEEKS,
  language,
  channels: Array.from({ length: channels }, (_, i) => figures(`19:channel-${i}@thread.tacv2`, 1234 - i)),
  other: figures(null, 12),
  workspace: figures(null, 12345),
  leaders: {
    leaders: 3,
    nudged: 8,
    answered: 6,
    answeredShare: 0.75,
    questions: [{ question: "care", leaders: 4, average: 3.5 }],
  },
  suggestions: {
    created: 3,
    answeredShare: 0.5,
    top: [{ number: 7, text: "[evil](https://x) <at>Boss</at>", votes: 4 }],
  },
  bullets: ["*Support* mentioned customers more"],
  minAuthors: 3,
});
const trendPng = (r: DigestReport) =>
  chartPng(presenceTrendSpec({ weeks: r.weeks, tones: r.workspace.toneTrend }, r.language));
type Json = Record<string, unknown>;
const chartIn = (card: object) => ((card as Json).body as Json[]).find((e) => e.type === "Chart.VerticalBar.Grouped");
const fallbackPng = (chart: Json | undefined) =>
  Buffer.from(String((chart?.fallback as Json | undefined)?.url).replace("data:image/png;base64,", ""), "base64");

describe("Teams cards for suggestions and the digest", () => {
  it("escapes user text so it shows literally and cannot link, mention or format", () => {
    for (const text of [
      "<at>Boss</at>",
      "[click](https://evil)",
      "<b>html</b>",
      "# head\n- item\n1. one",
      "a\\b *c* _d_ `e` ~f~ &amp;",
    ]) {
      const escaped = escapeCardText(text);
      expect(escaped).not.toMatch(/(^|[^\\])[<[\]*_`]/);
      expect(unescapeCardText(escaped)).toBe(text);
    }
    expect(plainText("<p>Hi <at>Ann</at>,</p><p>5 &lt; 6 &amp;&nbsp;ok</p>")).toBe("Hi Ann,\n5 < 6 & ok");
  });

  it("names an anonymous author nowhere", () => {
    const view: SuggestionView = {
      id: "s1",
      workspaceId: "w1",
      number: 3,
      text: "Idea",
      touchpoint: "billing",
      authorExternalId: null,
      status: "new",
      responseNote: null,
      responderExternalId: null,
      channelRef: null,
      messageRef: null,
      votes: 2,
      createdAt: new Date(),
      language: "de",
    };
    const card = suggestionPostCard(view, null);
    expect(JSON.stringify(card)).toContain("_anonym_");
    expect(JSON.stringify(card)).toContain("2 Stimmen");
    expect((card.msteams as { entities?: unknown }).entities).toBeUndefined();
  });

  it("formats numbers for the locale", () => {
    const de = JSON.stringify(digestCard(report(3, "de"))).replace(/[\u00a0\u202f]/g, " "); // Intl spaces before "%"
    expect(de).toContain("12.345 Nachrichten · **35 %** über Kunden (+2 Pkt.)");
    expect(de).toContain("Kundenwohl 3,5");
    expect(de).not.toContain("<at>Boss</at>");
    const en = JSON.stringify(digestCard(report(3, "en")));
    expect(en).toContain("12,345 messages · **35%** about customers (+2 pts)");
  });

  it("draws the trend as Teams' own stacked chart, the withheld week as a grey column named so", () => {
    const chart = chartIn(digestCard(report(3, "de")))!;
    expect(chart).toMatchObject({
      stacked: true,
      title: "Anteil der Nachrichten über Kunden, 8 Wochen bis 2026-W48",
      yAxisTitle: "Anteil aller Nachrichten (%)",
      fallback: "drop",
    });
    const weeks = ["KW 41", "KW 42", "KW 43", "KW 44", "KW 45", "KW 46", "KW 47", "KW 48"];
    expect(chart.data).toEqual([
      // First, naming every week in order; its height is the highest bar's, and no tone has a value that week.
      { legend: "zu wenige Personen", color: "neutral", values: weeks.map((x) => ({ x, y: x === "KW 43" ? 40 : 0 })) },
      {
        legend: "wertschätzend",
        color: "categoricalTeal",
        values: [
          [41, 5],
          [42, 10],
          [44, 15],
          [45, 12.5],
          [46, 20],
          [47, 15],
          [48, 17.3],
        ].map(([w, y]) => ({ x: `KW ${w}`, y })),
      },
      {
        legend: "sachlich",
        color: "categoricalLightBlue",
        values: [
          [41, 2.5],
          [42, 5],
          [44, 7.5],
          [45, 6.3],
          [46, 10],
          [47, 7.5],
          [48, 8.6],
        ].map(([w, y]) => ({ x: `KW ${w}`, y })),
      },
      {
        legend: "abwertend",
        color: "categoricalMarigold",
        values: [
          [41, 2.5],
          [42, 5],
          [44, 7.5],
          [45, 6.3],
          [46, 10],
          [47, 7.5],
          [48, 8.6],
        ].map(([w, y]) => ({ x: `KW ${w}`, y })),
      },
    ]);
  });

  describe("with the chart's PNG", () => {
    const longName = (ref: string) => `Customer success and support — ${ref}`.slice(0, 50); // Teams allows 50 characters
    let fifty: DigestReport;
    let png: Buffer;
    beforeAll(async () => {
      fifty = {
        ...report(50),
        suggestions: {
          created: 3,
          answeredShare: 0.5,
          top: [1, 2, 3].map((n) => ({ number: n, text: "An idea ".repeat(25), votes: 9 })),
        },
        bullets: ["Something moved ".repeat(8), "More ".repeat(25), "Less ".repeat(25)],
      };
      png = await trendPng(fifty);
    });

    it("keeps a 50-channel digest with the PNG fallback under Teams' 28 KB", () => {
      const card = digestCard(fifty, { channelName: longName, chartPng: png });
      const chart = chartIn(card);
      expect(chart?.fallback).toMatchObject({
        type: "Image",
        altText: "Share of messages about customers, 8 weeks to 2026-W48",
      });
      const image = decodePng(fallbackPng(chart));
      expect([image.width, image.height]).toEqual([PRESENCE_TREND_SIZE.width, PRESENCE_TREND_SIZE.height]);
      expect(JSON.stringify(card)).toContain("…and 20 more channels.");
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
    });

    it("lets the PNG go first when the card would be too large, and keeps Teams' chart", () => {
      const card = digestCard(report(500), {
        channelName: (ref) => `A rather long channel name for ${ref} `.repeat(4),
        chartPng: png,
      });
      expect(chartIn(card)?.fallback).toBe("drop");
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(JSON.stringify(card)).toContain("…and 470 more channels.");
    });
  });
});
