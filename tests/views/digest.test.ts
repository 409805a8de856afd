// The digest's one view: what each door lays out, decided once.
import { describe, expect, it } from "vitest";
import type { ChannelFigures, DigestReport } from "../../src/core/presence/ports.js";
import { digestView } from "../../src/views/digest.js";

const WEEKS = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const figures = (channelRef: string | null, customerShare: number | null): ChannelFigures => ({
  channelRef,
  messages: customerShare === null ? 2 : 40,
  customerShare,
  positiveShare: customerShare === null ? null : 0.5,
  negativeShare: customerShare === null ? null : 0.1,
  hidden: customerShare === null ? "few-authors" : null,
  change: null,
  trend: WEEKS.map(() => customerShare),
  toneTrend: WEEKS.map(() => (customerShare === null ? null : { positive: 0.1, neutral: 0.1, negative: 0.05 })),
});
const report = (over: Partial<DigestReport> = {}): DigestReport =>
  ({
    week: "2026-W48",
    weeks: WEEKS,
    language: "en",
    minAuthors: 3,
    channels: [figures("C1", 0.25), figures("C2", null), figures("C3", 0.5)],
    other: null,
    workspace: figures(null, 0.3),
    leaders: { nudged: 0, answered: 0, leaders: 0, answeredShare: null, questions: [] },
    suggestions: { created: 1, answeredShare: null, top: [{ number: 7, text: "Shorter <queues>", votes: 2 }] },
    bullets: [],
    ...over,
  }) as DigestReport;

describe("digestView", () => {
  it("lists the workspace first, then the channels the door has room for, and counts the rest", () => {
    const view = digestView(report(), { maxChannels: 2 });
    expect(view.workspace?.label).toEqual({ kind: "workspace", text: "Whole workspace" });
    expect(view.workspace?.lines[1]).toMatch(/^How the team speaks about customers: appreciative 50/);
    expect(view.channels.map((c) => c.label)).toEqual([
      { kind: "channel", channelRef: "C1", position: 1 },
      { kind: "channel", channelRef: "C2", position: 2 },
    ]);
    expect(view.channels[0]?.lines[1]).toMatch(/^appreciative 50/);
    expect(view.moreChannels).toBe("…and 1 more channels.");
    expect(view.chart).toEqual({ weeks: WEEKS, tones: report().workspace.toneTrend });
  });

  it("gives a withheld channel no bars, only the reason where its figures would be", () => {
    const [, withheld] = digestView(report(), { maxChannels: 10 }).channels;
    expect(withheld?.sparkline).toBeNull();
    expect(withheld?.lines).toEqual(["shown when at least 3 people wrote in the week — fewer did"]);
  });

  it("says so when nothing was measured, and then shows no figures, legend or chart", () => {
    const view = digestView(report({ channels: [], workspace: { ...figures(null, null), messages: 0 } }), {
      maxChannels: 10,
      preview: true,
    });
    expect(view.noData).toContain("No channel messages were measured");
    expect([view.workspace, view.toneLegend, view.chart, view.moreChannels]).toEqual([null, null, null, null]);
    expect(view.previewNote).toBe("Preview — only you see this.");
    expect(view.leaders).toEqual({ title: "Leaders", lines: ["No nudges went out this week."] });
  });

  it("keeps what people wrote as it is, for each door to escape", () => {
    const view = digestView(report({ bullets: ["<!channel> more *praise*"] }), { maxChannels: 10 });
    expect(view.suggestions.top).toEqual([{ number: 7, text: "Shorter <queues>", votes: 2 }]);
    expect(view.bullets).toEqual({ title: "What moved this week", items: ["<!channel> more *praise*"] });
  });

  it("shows the organisation's mirror as averages, and says where too few leaders had figures", () => {
    const view = digestView(
      report({
        language: "de",
        orgMirror: {
          quarter: "2026-Q4",
          leaders: 4,
          questions: [
            { question: "care", self: 4, team: 3.25, blindSpotShare: 0.5 },
            { question: "ask", self: null, team: null, blindSpotShare: null },
          ],
        },
      }),
      { maxChannels: 10 },
    );
    expect(view.orgMirror).toEqual({
      title: "🪞 Spiegel der Organisation 2026-Q4 (4 Führungskräfte)",
      lines: [
        "Kundenwohl: selbst 4 · Team 3,3 · blinder Fleck bei 50\u00a0% der Führungskräfte",
        "Vorschläge: zu wenige Führungskräfte mit Zahlen",
      ],
    });
  });
});
