// The nudge-now report: the same three steps in Slack and Teams.
import { describe, expect, it } from "vitest";
import { nudgeNowDone, nudgeNowStart } from "../../src/views/nudgeNow.js";

describe("nudge-now", () => {
  it("ends at once without leaders, and says how many it starts with otherwise", () => {
    expect(nudgeNowStart(0, "en")).toEqual({ kind: "none", text: expect.stringContaining("no active leaders") });
    expect(nudgeNowStart(3, "de")).toEqual({ kind: "started", text: expect.stringContaining("an 3 Führungskraft") });
  });

  it("counts nudges waiting for a retry as not delivered", () => {
    expect(nudgeNowDone({ sent: 2, retrying: 0, failed: 0 }, "en")).toBe("✅ Sent 2 nudge(s).");
    expect(nudgeNowDone({ sent: 2, retrying: 1, failed: 1 }, "en")).toBe(
      "Sent 2 nudge(s); 2 could not be delivered and will be retried.",
    );
  });
});
