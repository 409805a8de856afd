// The mirror's arithmetic on plain objects: minimum answers, spread only from five answers,
// "can't judge" never counted as a rating, the label boundaries, and the organisation mirror
// that needs three leaders.
import { describe, expect, it } from "vitest";
import { emptyTally, label, orgMirror, ratingStats, roundFigures } from "../../../src/core/mirror/figures.js";
import type { MirrorResults, MirrorRound } from "../../../src/core/mirror/ports.js";

/** A histogram from lists of answers per question (0 = can't judge). */
function tallyOf(answers: Partial<Record<"care" | "presence" | "importance" | "ask" | "contact", number[]>>) {
  const tally = emptyTally();
  for (const [q, values] of Object.entries(answers)) for (const v of values) tally[q as keyof typeof tally][v]! += 1;
  return tally;
}

describe("mirror figures", () => {
  it("averages ratings only, ignoring can't-judge, and shows the spread from five answers on", () => {
    expect(ratingStats([7, 1, 1, 1, 0, 0])).toEqual({ answered: 3, average: 2, spread: Math.sqrt(2 / 3) });
    const results = roundFigures({
      tally: tallyOf({ care: [1, 2, 3, 4, 5], presence: [4, 4, 0, 0, 0], importance: [3, 3, 3] }),
      responses: 5,
      invited: 6,
      self: { care: 3, presence: 5, importance: 1 },
      selfSource: "self-rating",
      evidence: {},
      minResponses: 3,
    });
    const [care, presence, importance, ask] = results.questions;
    expect(care).toMatchObject({ team: 3, spread: 1.41, gap: 0, label: "aligned", answered: 5 });
    // Two could judge: nothing, not even how many.
    expect(presence).toMatchObject({ team: null, spread: null, gap: null, label: null, answered: 0, self: 5 });
    expect(importance).toMatchObject({ team: 3, spread: null, gap: -2, label: "hidden-strength" });
    expect(ask).toMatchObject({ team: null, self: null, label: null });
  });

  it("labels at exactly one point apart, judged on the rounded figures", () => {
    expect(label(4, 3)).toBe("blind-spot");
    expect(label(3, 4)).toBe("hidden-strength");
    expect(label(4, 3.01)).toBe("aligned");
    expect(label(4.333333, 3.333334)).toBe("blind-spot");
    expect(label(null, 3)).toBeNull();
  });

  it("builds the organisation mirror only from three leaders on, one round per leader", () => {
    const round = (leaderId: string, self: number, team: number, closedAt = "2026-11-01T00:00:00Z"): MirrorRound => {
      const results: MirrorResults = {
        responses: 3,
        invited: 3,
        selfSource: "self-rating",
        questions: (["care", "presence", "importance", "ask", "contact"] as const).map((question) => ({
          question,
          self,
          team,
          answered: 3,
          spread: null,
          gap: self - team,
          label: label(self, team),
          evidence: null,
        })),
      };
      return {
        id: leaderId + closedAt,
        workspaceId: "w",
        leaderId,
        status: "closed",
        openedAt: new Date(0),
        remindAt: new Date(0),
        closesAt: new Date(0),
        reminded: true,
        closedAt: new Date(closedAt),
        quarter: "2026-Q4",
        invited: 3,
        selfRatings: null,
        results,
      };
    };
    expect(
      orgMirror("2026-Q4", [round("a", 5, 3), round("b", 3, 3), round("a", 4, 4, "2026-12-01T00:00:00Z")]),
    ).toBeNull();
    const org = orgMirror("2026-Q4", [round("a", 5, 3), round("b", 3, 3), round("c", 2, 4)]);
    expect(org?.leaders).toBe(3);
    expect(org?.questions[0]).toEqual({ question: "care", self: 3.33, team: 3.33, blindSpotShare: 1 / 3 });
  });
});
