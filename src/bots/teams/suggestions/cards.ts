// Adaptive Cards (1.5) for the suggestion box: the form (as a chat card with Action.Execute or in
// a message-action dialog with Action.Submit), the channel post, the answer form, the author's
// notice, the list and the `ask` prompt. User text goes through escapeCardText everywhere; no
// card or button carries who submitted.
import type { Language } from "../../../core/shared/model.js";
import {
  type AskPromptView,
  isTouchpoint,
  RESPONSE_STATUSES,
  type Suggestion,
  type SuggestionView,
  TOUCHPOINTS,
} from "../../../core/suggestions/ports.js";
import { RESPONSE_NOTE_MAX_LENGTH, SUGGESTION_MAX_LENGTH } from "../../../core/suggestions/service.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import {
  type ActionData,
  type AdaptiveCard,
  type CardElement,
  card,
  type ExecuteAction,
  execute as executeAction,
  textBlock as rawTextBlock,
  type TextBlock,
} from "../adaptiveCard.js";
import { escapeCardText, teamsText } from "../markdown.js";

export const SUGGESTION_VERB = {
  open: "suggestion.open",
  submit: "suggestion.submit",
  vote: "suggestion.vote",
  respondForm: "suggestion.respondForm",
  respond: "suggestion.respond",
  cancel: "suggestion.cancel",
} as const;
type SuggestionVerb = (typeof SUGGESTION_VERB)[keyof typeof SUGGESTION_VERB];

type TextOptions = Omit<TextBlock, "type" | "text">;
/** Our copy (neutral markup) as a TextBlock. */
const textBlock = (text: string, extra: TextOptions = {}): TextBlock => rawTextBlock(teamsText(text), extra);
/** User text: escaped, never reworded. */
const userBlock = (text: string, extra: TextOptions = {}): TextBlock => rawTextBlock(escapeCardText(text), extra);

/** Action.Execute with an Action.Submit fallback, both carrying `data` (and the verb) only. */
function execute(
  title: string,
  verb: SuggestionVerb,
  data: ActionData = {},
  style?: "positive" | "destructive",
): ExecuteAction {
  return executeAction(title, verb, { verb, ...data }, style);
}

interface SuggestFormState {
  text: string;
  touchpoint?: string;
  anonymous?: boolean;
  error?: string;
}

/**
 * The suggestion form. `dialog`: inside a message-action task module (Action.Submit, which Teams
 * turns into composeExtension/submitAction); otherwise a chat card with Action.Execute.
 */
export function suggestFormCard(
  language: Language,
  state: SuggestFormState,
  options: { dialog?: boolean } = {},
): AdaptiveCard {
  const t = suggestionTexts(language);
  const body: CardElement[] = [
    textBlock(t.modalTitle, { size: "Medium", weight: "Bolder" }),
    {
      type: "Input.Text",
      id: "text",
      label: t.textLabel,
      placeholder: t.textPlaceholder,
      isMultiline: true,
      // Plain input value, shown only to the person typing: no escaping needed or wanted.
      ...(state.text ? { value: state.text.slice(0, SUGGESTION_MAX_LENGTH * 2) } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "touchpoint",
      label: t.touchpointLabel,
      style: "compact",
      value: isTouchpoint(state.touchpoint) ? state.touchpoint : "other",
      choices: TOUCHPOINTS.map((tp) => ({ title: t.touchpoint[tp], value: tp })),
    },
    {
      type: "Input.Toggle",
      id: "anonymous",
      title: t.anonymousOption,
      label: t.anonymousLabel,
      value: state.anonymous ? "true" : "false",
      valueOn: "true",
      valueOff: "false",
    },
  ];
  if (state.error) body.push(textBlock(`⚠️ ${state.error}`, { color: "Attention" }));
  // Only the language travels with the form: never who is submitting.
  const submit = options.dialog
    ? { type: "Action.Submit" as const, title: t.submit, data: { verb: SUGGESTION_VERB.submit, language } }
    : execute(t.submit, SUGGESTION_VERB.submit, { language }, "positive");
  body.push({ type: "ActionSet", actions: [submit] });
  return card(body);
}

/** After a submit: the form turns into a thank-you. */
export function thanksCard(text: string): AdaptiveCard {
  return card([textBlock(text)]);
}

/** How the post names its author: a Teams mention (needs the entity) or "anonymous". */
export interface AuthorMention {
  id: string;
  name: string;
}

const mentionText = (author: AuthorMention) => `<at>${author.name.replace(/[<>\\[\]*_`]/g, "")}</at>`;

export function suggestionPostCard(view: SuggestionView, author: AuthorMention | null): AdaptiveCard {
  const t = suggestionTexts(view.language);
  const who = author ? mentionText(author) : `_${t.anonymous}_`;
  const body: CardElement[] = [
    textBlock(t.postTitle(view.number), { size: "Medium", weight: "Bolder" }),
    // The header line holds our own text plus the mention tag; the mention must not be reworded.
    rawTextBlock(`${teamsText(t.touchpoint[view.touchpoint])} · ${teamsText(t.by(who))}`, {
      isSubtle: true,
      spacing: "None",
    }),
    userBlock(view.text),
  ];
  if (view.status !== "new") {
    body.push(
      // The note is escaped after rendering, so teamsText cannot touch what the leader typed.
      rawTextBlock(
        `${teamsText(t.statusLine(t.status[view.status], null))}${view.responseNote ? ` — ${escapeCardText(view.responseNote)}` : ""}`,
      ),
    );
  }
  body.push({
    type: "ActionSet",
    actions: [
      execute(`${t.vote} · ${t.votes(view.votes)}`, SUGGESTION_VERB.vote, { suggestionId: view.id }),
      execute(t.respond, SUGGESTION_VERB.respondForm, { suggestionId: view.id }),
    ],
  });
  const result = card(body);
  if (author) {
    result.msteams = {
      ...result.msteams,
      entities: [{ type: "mention", text: mentionText(author), mentioned: { id: author.id, name: author.name } }],
    };
  }
  return result;
}

/** A leader's answer: status and a short note, in place of the post for the one answering. */
export function respondFormCard(language: Language, suggestion: Suggestion, error?: string): AdaptiveCard {
  const t = suggestionTexts(language);
  const body: CardElement[] = [
    textBlock(t.respondTitle, { size: "Medium", weight: "Bolder" }),
    textBlock(t.postTitle(suggestion.number), { weight: "Bolder" }),
    userBlock(suggestion.text.slice(0, 2500)),
    {
      type: "Input.ChoiceSet",
      id: "status",
      label: t.respondStatus,
      style: "compact",
      ...(suggestion.status !== "new" ? { value: suggestion.status } : {}),
      choices: RESPONSE_STATUSES.map((s) => ({ title: t.status[s], value: s })),
    },
    {
      type: "Input.Text",
      id: "note",
      label: t.respondNote,
      isMultiline: true,
      maxLength: RESPONSE_NOTE_MAX_LENGTH,
      ...(suggestion.responseNote ? { value: suggestion.responseNote } : {}),
    },
  ];
  if (error) body.push(textBlock(`⚠️ ${error}`, { color: "Attention" }));
  body.push({
    type: "ActionSet",
    actions: [
      execute(t.respondSave, SUGGESTION_VERB.respond, { suggestionId: suggestion.id }, "positive"),
      execute(t.cancel, SUGGESTION_VERB.cancel, { suggestionId: suggestion.id }),
    ],
  });
  return card(body);
}

/** The author's notice in their personal chat. */
export function answerNoticeCard(view: SuggestionView): AdaptiveCard {
  const t = suggestionTexts(view.language);
  return card([
    textBlock(t.answered(view.number, t.status[view.status], null)),
    ...(view.responseNote ? [userBlock(view.responseNote, { spacing: "Small" })] : []),
    userBlock(view.text.slice(0, 300), { isSubtle: true, size: "Small" }),
  ]);
}

export function listCard(language: Language, lists: { recent: Suggestion[]; top: Suggestion[] }): AdaptiveCard {
  const t = suggestionTexts(language);
  const body: CardElement[] = [textBlock(t.listTitle, { size: "Medium", weight: "Bolder" })];
  if (lists.recent.length === 0) return card([...body, textBlock(t.listEmpty)]);
  const line = (s: Suggestion) =>
    `${teamsText(t.listLine(s.number, t.touchpoint[s.touchpoint], s.votes, t.status[s.status], "")).replace(/ — $/, "")} — ${escapeCardText(s.text.slice(0, 140).replace(/\s+/g, " "))}`;
  body.push(
    textBlock(t.listRecent, { weight: "Bolder" }),
    ...lists.recent.map((s) => rawTextBlock(line(s), { spacing: "Small" })),
  );
  if (lists.top.length > 0) {
    body.push(
      textBlock(t.listTop, { weight: "Bolder" }),
      ...lists.top.map((s) => rawTextBlock(line(s), { spacing: "Small" })),
    );
  }
  return card(body);
}

/** The `ask` prompt in a channel, with a button that opens the form for whoever clicks it. */
export function askPromptCard(prompt: AskPromptView, askerName: string | null): AdaptiveCard {
  const t = suggestionTexts(prompt.language);
  const question = t.prompts[prompt.promptKey] ?? t.prompts.marketing!;
  const head = prompt.askedBy ? t.askBy(askerName ? askerName.replace(/[<>\\[\]*_`]/g, "") : "") : t.askScheduled;
  return card([
    textBlock(head, { weight: "Bolder" }),
    textBlock(question, { size: "Medium" }),
    {
      type: "ActionSet",
      actions: [execute(t.askButton, SUGGESTION_VERB.open, { language: prompt.language }, "positive")],
    },
  ]);
}
