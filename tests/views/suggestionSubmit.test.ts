// Why a suggestion was not taken: one wording for the form's check and the core's refusal.
import { describe, expect, it } from "vitest";
import { SUBMISSIONS_PER_HOUR, SUGGESTION_MAX_LENGTH } from "../../src/core/suggestions/service.js";
import { submitRefusalText } from "../../src/views/suggestionSubmit.js";

describe("submitRefusalText", () => {
  it("names the limit that was hit", () => {
    expect(submitRefusalText("too-long", "en")).toBe(`Please keep it under ${SUGGESTION_MAX_LENGTH} characters.`);
    expect(submitRefusalText("rate-limited", "de")).toContain(`bis zu ${SUBMISSIONS_PER_HOUR} pro Stunde`);
    expect(submitRefusalText("empty", "de")).toBe("Bitte schreib zuerst deinen Vorschlag.");
  });
});
