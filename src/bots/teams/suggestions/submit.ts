// Submitting a suggestion, from the chat card or the message action's dialog. The submitter is a
// Visitor: nothing about them is written unless they sign it (an anonymous one leaves no trace).
import { isLanguage } from "../../../core/shared/model.js";
import { isTouchpoint } from "../../../core/suggestions/ports.js";
import { type SubmitResult, SuggestionService } from "../../../core/suggestions/service.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { texts } from "../../../prompts/texts.js";
import { submitRefusalText } from "../../../views/suggestionSubmit.js";
import { profileOf, type Visitor } from "../actor.js";
import type { AdaptiveCard } from "../adaptiveCard.js";
import { rememberConversation } from "../conversations.js";
import { teamsText } from "../markdown.js";
import type { Turn } from "../routes.js";
import { SUGGESTION_VERB, suggestFormCard } from "./cards.js";

type Json = Record<string, unknown>;

type SubmitOutcome = { ok: true; thanks: string } | { ok: false; form: AdaptiveCard };

/** Validates and submits what the form sent; on a problem the form comes back with it. */
export async function submit(
  turn: Turn,
  visitor: Visitor,
  inputs: Json,
  options: { dialog?: boolean } = {},
): Promise<SubmitOutcome> {
  const { deps } = turn;
  const { core } = deps;
  const { activity } = turn.context;
  const language = isLanguage(inputs.language) ? inputs.language : visitor.language;
  const t = suggestionTexts(language);
  const text = typeof inputs.text === "string" ? inputs.text : "";
  const touchpoint = isTouchpoint(inputs.touchpoint) ? inputs.touchpoint : "other";
  const anonymous = inputs.anonymous === true || inputs.anonymous === "true";
  const again = (error: string): SubmitOutcome => ({
    ok: false,
    form: suggestFormCard(language, { text, touchpoint, anonymous, error }, options),
  });
  const invalid = SuggestionService.checkText(text);
  if (invalid) return again(submitRefusalText(invalid, language));

  let result: SubmitResult;
  try {
    result = await core.suggestions.submit({
      workspace: visitor.workspace,
      authorExternalId: visitor.userId,
      ...(anonymous ? {} : { authorProfile: profileOf(activity) }),
      anonymous,
      text,
      touchpoint,
    });
  } catch (error) {
    // The form comes back in its own language with what was typed, so nothing is lost.
    core.logger.error(
      { verb: SUGGESTION_VERB.submit, reason: (error as Error).message },
      "submitting a suggestion failed",
    );
    return again(texts(language).genericError);
  }
  if (!result.ok) return again(submitRefusalText(result.reason, language));
  if (!anonymous && visitor.personal) {
    // A named author is told about answers in this chat.
    const member = await core.identity.find(visitor.workspace, visitor.userId);
    if (member) await rememberConversation(core, member, activity);
  }
  // Ack first: the channel post goes out after the answer, retried by the clock if it fails.
  deps.background(() => core.suggestions.deliverPending(), "suggestion delivery");
  const thanks = result.shared
    ? t.thanksShared(result.suggestion.number)
    : t.teamsThanksSaved(result.suggestion.number);
  return { ok: true, thanks: teamsText(thanks) };
}
