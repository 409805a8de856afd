// Block Kit for the suggestion box: the form, the channel post, the author's answer, the list
// and the /cx-ask prompt. Every piece of user text goes through escapeMrkdwn.
import type { KnownBlock, PlainTextOption, View } from "@slack/types";
import type { Language } from "../../../core/shared/model.js";
import {
  type AskPromptView,
  RESPONSE_STATUSES,
  type Suggestion,
  type SuggestionView,
  TOUCHPOINTS,
} from "../../../core/suggestions/ports.js";
import { RESPONSE_NOTE_MAX_LENGTH } from "../../../core/suggestions/service.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { escapeMrkdwn, mention, slackText } from "../mrkdwn.js";

export const SUGGEST_ACTION = {
  vote: "suggestion_vote",
  respond: "suggestion_respond",
  open: "suggestion_open",
} as const;
export const SUGGEST_CALLBACK = { submit: "suggestion_modal", respond: "suggestion_respond_modal" } as const;

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
const md = (text: string) => ({ type: "mrkdwn" as const, text });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

/** Slack's modal text inputs accept at most 3000 characters of initial value. */
const INITIAL_TEXT_LIMIT = 3000;

export function suggestModal(language: Language, prefill: string): View {
  const t = suggestionTexts(language);
  const touchpoints = TOUCHPOINTS.map((tp) => option(t.touchpoint[tp], tp));
  return {
    type: "modal",
    callback_id: SUGGEST_CALLBACK.submit,
    // Only the language travels with the form: never who is submitting.
    private_metadata: JSON.stringify({ language }),
    title: plain(t.modalTitle),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks: [
      {
        type: "input",
        block_id: "text",
        label: plain(t.textLabel),
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          placeholder: plain(t.textPlaceholder),
          ...(prefill ? { initial_value: prefill.slice(0, INITIAL_TEXT_LIMIT) } : {}),
        },
      },
      {
        type: "input",
        block_id: "touchpoint",
        label: plain(t.touchpointLabel),
        element: {
          type: "static_select",
          action_id: "value",
          options: touchpoints,
          initial_option: touchpoints[touchpoints.length - 1]!,
        },
      },
      {
        type: "input",
        block_id: "anonymous",
        optional: true,
        label: plain(t.anonymousLabel),
        element: { type: "checkboxes", action_id: "value", options: [option(t.anonymousOption, "yes")] },
      },
    ],
  };
}

/** The notification text: Slack reads it as mrkdwn too, so the idea is escaped here as well. */
export function suggestionPostText(view: SuggestionView): string {
  return `${suggestionTexts(view.language).postTitle(view.number)}: ${escapeMrkdwn(view.text.slice(0, 150))}`;
}

/** Replaces the submitted form with a thank-you: private, and no DM that would tie a person to an anonymous idea. */
export function thanksView(language: Language, text: string): View {
  const t = suggestionTexts(language);
  return {
    type: "modal",
    callback_id: "suggestion_thanks",
    title: plain(t.modalTitle),
    close: plain(t.close),
    blocks: [{ type: "section", text: md(slackText(text)) }],
  };
}

export function suggestionPostBlocks(view: SuggestionView): KnownBlock[] {
  const t = suggestionTexts(view.language);
  const author = view.authorExternalId ? mention(view.authorExternalId) : `_${t.anonymous}_`;
  const blocks: KnownBlock[] = [
    { type: "section", text: md(`*${t.postTitle(view.number)}* · ${t.touchpoint[view.touchpoint]} · ${t.by(author)}`) },
    { type: "section", text: md(quote(escapeMrkdwn(view.text))) },
  ];
  if (view.status !== "new") {
    blocks.push({
      type: "context",
      elements: [
        md(slackText(t.statusLine(t.status[view.status], view.responseNote && escapeMrkdwn(view.responseNote)))),
      ],
    });
  }
  blocks.push({
    type: "actions",
    block_id: "suggestion_actions",
    elements: [
      {
        type: "button",
        action_id: SUGGEST_ACTION.vote,
        text: plain(`${t.vote} · ${t.votes(view.votes)}`),
        value: view.id,
      },
      { type: "button", action_id: SUGGEST_ACTION.respond, text: plain(t.respond), value: view.id },
    ],
  });
  return blocks;
}

export function answerNotice(view: SuggestionView): { text: string; blocks: KnownBlock[] } {
  const t = suggestionTexts(view.language);
  const text = slackText(
    t.answered(view.number, t.status[view.status], view.responseNote && escapeMrkdwn(view.responseNote)),
  );
  return {
    text,
    blocks: [
      { type: "section", text: md(text) },
      { type: "context", elements: [md(quote(escapeMrkdwn(view.text.slice(0, 300))))] },
    ],
  };
}

export function respondModal(language: Language, suggestion: Suggestion): View {
  const t = suggestionTexts(language);
  const statuses = RESPONSE_STATUSES.map((s) => option(t.status[s], s));
  const current = statuses.find((o) => o.value === suggestion.status);
  return {
    type: "modal",
    callback_id: SUGGEST_CALLBACK.respond,
    private_metadata: JSON.stringify({ suggestionId: suggestion.id, language }),
    title: plain(t.respondTitle),
    submit: plain(t.respondSave),
    close: plain(t.cancel),
    blocks: [
      {
        type: "section",
        text: md(`*${t.postTitle(suggestion.number)}*\n${quote(escapeMrkdwn(suggestion.text.slice(0, 2500)))}`),
      },
      {
        type: "input",
        block_id: "status",
        label: plain(t.respondStatus),
        element: {
          type: "static_select",
          action_id: "value",
          options: statuses,
          ...(current ? { initial_option: current } : {}),
        },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: plain(t.respondNote),
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          max_length: RESPONSE_NOTE_MAX_LENGTH,
          ...(suggestion.responseNote ? { initial_value: suggestion.responseNote } : {}),
        },
      },
    ],
  };
}

export function listBlocks(language: Language, lists: { recent: Suggestion[]; top: Suggestion[] }): KnownBlock[] {
  const t = suggestionTexts(language);
  if (lists.recent.length === 0) return [{ type: "section", text: md(slackText(t.listEmpty)) }];
  const line = (s: Suggestion) =>
    t.listLine(
      s.number,
      t.touchpoint[s.touchpoint],
      s.votes,
      t.status[s.status],
      escapeMrkdwn(s.text.length > 120 ? `${s.text.slice(0, 117)}…` : s.text),
    );
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t.listTitle) },
    { type: "section", text: md(`*${t.listRecent}*\n${lists.recent.map(line).join("\n")}`) },
  ];
  if (lists.top.length > 0)
    blocks.push({ type: "section", text: md(`*${t.listTop}*\n${lists.top.map(line).join("\n")}`) });
  return blocks;
}

export function askPromptBlocks(prompt: AskPromptView): { text: string; blocks: KnownBlock[] } {
  const t = suggestionTexts(prompt.language);
  const question = t.prompts[prompt.promptKey] ?? t.prompts.marketing!;
  const intro = slackText(prompt.askedBy ? t.askBy(mention(prompt.askedBy)) : t.askScheduled);
  return {
    text: question,
    blocks: [
      { type: "section", text: md(`${intro}\n>${question}`) },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: SUGGEST_ACTION.open,
            text: plain(t.askButton),
            style: "primary",
            value: prompt.language,
          },
        ],
      },
    ],
  };
}

/** Block-quotes every line, so a multi-line suggestion stays visibly one quote. */
function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}
