// The message action "Suggest from this message": composeExtension/fetchTask opens the form in
// a dialog, prefilled from the message it was started on; composeExtension/submitAction submits
// it. The person is a Visitor throughout, so nothing about them is written unless they sign.
import type { Language } from "../../../core/shared/model.js";
import { isLanguage } from "../../../core/shared/model.js";
import { suggestionTexts } from "../../../prompts/suggestionTexts.js";
import { ADAPTIVE_CARD, type AdaptiveCard } from "../adaptiveCard.js";
import { plainText } from "../markdown.js";
import type { InvokeRoute } from "../routes.js";
import { suggestFormCard } from "./cards.js";
import { submit } from "./submit.js";

type Json = Record<string, unknown>;

interface MessageActionValue {
  commandId?: string;
  data?: Json;
  messagePayload?: { body?: { content?: string; contentType?: string } };
}

function taskContinue(language: Language, card: AdaptiveCard): Json {
  return {
    task: {
      type: "continue",
      value: {
        title: suggestionTexts(language).modalTitle,
        height: "medium",
        width: "medium",
        card: { contentType: ADAPTIVE_CARD, content: card },
      },
    },
  };
}

/** A dialog that goes wrong closes with the message. */
const failed = (text: string): Json => ({ task: { type: "message", value: text } });

/** The form in a dialog, prefilled from the message. */
const fetchTask: InvokeRoute = {
  who: "visitor",
  failed,
  async handle(turn, visitor) {
    const value = (turn.context.activity.value ?? {}) as MessageActionValue;
    const body = value.messagePayload?.body;
    const prefill = body?.content ? (body.contentType === "text" ? body.content.trim() : plainText(body.content)) : "";
    return taskContinue(visitor.language, suggestFormCard(visitor.language, { text: prefill }, { dialog: true }));
  },
};

/** The dialog's form: thanks, or the dialog stays open with the problem. */
const submitAction: InvokeRoute = {
  who: "visitor",
  failed,
  async handle(turn, visitor) {
    const value = (turn.context.activity.value ?? {}) as MessageActionValue;
    const outcome = await submit(turn, visitor, value.data ?? {}, { dialog: true });
    if (outcome.ok) return { task: { type: "message", value: outcome.thanks } };
    const language = isLanguage(value.data?.language) ? value.data.language : visitor.language;
    return taskContinue(language, outcome.form);
  },
};

export const invokeRoutes: Record<string, InvokeRoute> = {
  "composeExtension/fetchTask": fetchTask,
  "composeExtension/submitAction": submitAction,
};
