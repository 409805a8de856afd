// Why a suggestion was not taken, in the submitter's language: the form's own check (empty, too
// long) and the core's refusals (the same two, and the hourly limit) share one wording.
import type { Language } from "../core/shared/model.js";
import { SUBMISSIONS_PER_HOUR, SUGGESTION_MAX_LENGTH } from "../core/suggestions/service.js";
import { suggestionTexts } from "../prompts/suggestionTexts.js";

export type SubmitRefusal = "empty" | "too-long" | "rate-limited";

export function submitRefusalText(reason: SubmitRefusal, language: Language): string {
  const t = suggestionTexts(language);
  switch (reason) {
    case "empty":
      return t.empty;
    case "too-long":
      return t.tooLong(SUGGESTION_MAX_LENGTH);
    case "rate-limited":
      return t.rateLimited(SUBMISSIONS_PER_HOUR);
  }
}
