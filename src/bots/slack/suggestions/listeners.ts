// The suggestion box in Slack: /cx-suggest (form, list), /cx-ask, votes, answers.
// Anonymous submissions never create or touch a member row: no `create` on that path.
import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import { isLanguage, type Language } from "../../../core/shared/model.js";
import { isResponseStatus, isTouchpoint, type ResponseStatus } from "../../../core/suggestions/ports.js";
import { SuggestionService } from "../../../core/suggestions/service.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { texts } from "../../../prompts/texts.js";
import { submitRefusalText } from "../../../views/suggestionSubmit.js";
import type { SlackDeps } from "../context.js";
import {
  type ButtonArgs,
  type CommandArgs,
  type Context,
  type FormReading,
  type PersonContext,
  teamOf,
  type ViewArgs,
} from "../guarded.js";
import { listBlocks, respondModal, suggestModal, thanksView } from "./blocks.js";

type Values = Record<string, Record<string, ViewStateValue>>;

function metadataLanguage(raw: string, fallback: Language): Language {
  try {
    const language = (JSON.parse(raw) as { language?: unknown }).language;
    return isLanguage(language) ? language : fallback;
  } catch {
    return fallback;
  }
}

/** /cx-suggest: the form (prefilled with what was typed), or with "list" the recent and top ideas. */
export async function suggestCommand({ deps, actor }: Context, { command, respond, client }: CommandArgs) {
  if (command.text.trim().toLowerCase() === "list") {
    const lists = await deps.core.suggestions.browse(actor.workspace);
    await respond({
      response_type: "ephemeral",
      text: suggestionTexts(actor.language).listTitle,
      blocks: listBlocks(actor.language, lists),
    });
    return;
  }
  await client.views.open({ trigger_id: command.trigger_id, view: suggestModal(actor.language, command.text.trim()) });
}

/** /cx-ask: a call for ideas in this channel. Leaders and admins only: the core refuses anyone else. */
export async function askCommand({ deps, actor, reply }: Context, { command }: CommandArgs) {
  const t = suggestionTexts(actor.language);
  const asked = await deps.core.suggestions.ask({ actor, channel: command.channel_id });
  if (!asked.ok) return void (await reply(asked.reason === "not-allowed" ? t.askNotLeader : t.askFailed));
  await reply(t.askPosted);
}

/** The call for ideas' button: the empty form. */
export async function openSuggestForm({ actor }: Context, { body, client }: ButtonArgs) {
  await client.views.open({ trigger_id: body.trigger_id, view: suggestModal(actor.language, "") });
}

/**
 * The submitted form. Unlike every other listener this one answers Slack only after the work:
 * the answer is either the errors in the form or the thanks in its place. So only the database
 * runs before it (Slack wants it within 3 seconds), no profile lookup, which is neither needed to
 * store an idea nor wanted for an anonymous one; a failure shows the friendly error in the form.
 */
export async function submitSuggestion(deps: SlackDeps, { ack, body, view }: ViewArgs) {
  const { core } = deps;
  const values = view.state.values as Values;
  const text = values.text?.value?.value ?? "";
  const touchpoint = values.touchpoint?.value?.selected_option?.value;
  const anonymous = (values.anonymous?.value?.selected_options ?? []).length > 0;
  const language = metadataLanguage(view.private_metadata, core.defaults.language);
  const t = suggestionTexts(language);
  const invalid = SuggestionService.checkText(text);
  if (invalid)
    return void (await ack({
      response_action: "errors",
      errors: { text: submitRefusalText(invalid, language) },
    }));

  try {
    const workspace = await core.identity.workspace("slack", teamOf(body));
    const result = await core.suggestions.submit({
      workspace,
      authorExternalId: body.user.id,
      anonymous,
      text,
      touchpoint: isTouchpoint(touchpoint) ? touchpoint : "other",
    });
    if (!result.ok)
      return void (await ack({
        response_action: "errors",
        errors: { text: submitRefusalText(result.reason, language) },
      }));
    const thanks = result.shared ? t.thanksShared(result.suggestion.number) : t.thanksSaved(result.suggestion.number);
    await ack({ response_action: "update", view: thanksView(language, thanks) });
    await core.suggestions.deliverPending();
  } catch (error) {
    core.logger.error({ view: view.callback_id, reason: (error as Error).message }, "submitting a suggestion failed");
    await ack({ response_action: "errors", errors: { text: texts(language).genericError } }).catch(() => undefined);
  }
}

/** A vote or its withdrawal. action_ts is unique per click and repeated by a retry of the same click. */
export async function vote({ deps, actor }: PersonContext, { action }: ButtonArgs) {
  await deps.core.suggestions.toggleVote({
    voter: actor,
    suggestionId: action.value ?? "",
    actionId: action.action_ts,
  });
}

/** The answer form for a suggestion. Leaders and admins only: the core refuses anyone else. */
export async function openAnswerForm({ deps, actor, reply }: Context, { action, body, client }: ButtonArgs) {
  const found = await deps.core.suggestions.forAnswer(actor, action.value ?? "");
  if (!found.ok && found.reason === "not-allowed")
    return void (await reply(suggestionTexts(actor.language).notAllowedToRespond));
  if (!found.ok) return;
  await client.views.open({ trigger_id: body.trigger_id, view: respondModal(actor.language, found.suggestion) });
}

type Answer = { suggestionId: string; status: ResponseStatus; note: string | null };

export function readAnswer(view: ViewOutput): FormReading<Answer> {
  const values = view.state.values as Values;
  const status = values.status?.value?.selected_option?.value;
  const note = values.note?.value?.value ?? null;
  let suggestionId = "";
  try {
    suggestionId = String((JSON.parse(view.private_metadata) as { suggestionId?: unknown }).suggestionId ?? "");
  } catch {
    /* a malformed form carries no suggestion: nothing to answer */
  }
  if (!isResponseStatus(status) || !suggestionId) return { nothing: true };
  return { input: { suggestionId, status, note } };
}

export async function saveAnswer({ deps, actor, reply }: Context, answer: Answer) {
  const answered = await deps.core.suggestions.respond({ actor, ...answer });
  if (!answered.ok && answered.reason === "not-allowed")
    return void (await reply(suggestionTexts(actor.language).notAllowedToRespond));
  await deps.core.suggestions.deliverPending();
}
