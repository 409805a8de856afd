// Adaptive Card renderers (schema 1.5): pure functions from core view data to card JSON.
// Buttons are Action.Execute (Universal Actions: the card is replaced by the invoke response)
// with an Action.Submit fallback for clients without it (the answer arrives as a message with
// `value`, and the card is updated through the connector instead).

import type { NudgeView } from "../../../core/checkins/ports.js";
import { REFLECTION_MAX_LENGTH } from "../../../core/checkins/service.js";
import { type QuestionKey, RATINGS } from "../../../core/shared/questions.js";
import { QUESTION_TEXT, RATING_LABEL } from "../../../prompts/questions.js";
import { texts } from "../../../prompts/texts.js";
import type { OverviewView } from "../../../views/me.js";
import {
  type AdaptiveCard,
  type CardElement,
  card,
  type ExecuteAction,
  execute,
  textBlock as rawTextBlock,
  type TextBlock,
} from "../adaptiveCard.js";
import { teamsText } from "../markdown.js";

export type CardVerb = "rate" | "snooze" | "skip";

/**
 * What every button carries back (nudgeId null for a check-in outside a nudge). No week: the
 * server chooses it, so a crafted payload cannot write into another week.
 */
interface CardActionData {
  verb: CardVerb;
  nudgeId: string | null;
  question?: QuestionKey;
  rating?: number;
}

/** A nudge (or a `checkin`) as the card shows it: the core's view plus the leader's own reflections. */
export interface CheckinCardModel extends Omit<NudgeView, "nudgeId"> {
  nudgeId: string | null;
  reflections: Partial<Record<QuestionKey, string>>;
  /** A friendly problem with the last submit, e.g. a reflection that is too long. */
  error?: string;
}

export const reflectionInputId = (question: QuestionKey) => `reflection_${question}`;

function action(title: string, data: CardActionData, style?: "positive"): ExecuteAction {
  return execute(title, data.verb, { ...data }, style);
}

/** Our copy (neutral markup) as a TextBlock. */
const textBlock = (text: string, extra: Omit<TextBlock, "type" | "text"> = {}): TextBlock =>
  rawTextBlock(teamsText(text), extra);

/** The nudge: per question the 1–5 scale and a reflection field; snooze and skip until answered. */
export function checkinCard(model: CheckinCardModel): AdaptiveCard {
  const t = texts(model.language);
  const lang = model.language;
  const body: CardElement[] = [textBlock(t.nudgeTitle, { size: "Medium", weight: "Bolder" })];
  if (model.status === "snoozed") return card([...body, textBlock(t.snoozed(model.snoozedUntil ?? ""))]);
  if (model.status === "skipped") return card([...body, textBlock(t.skipped)]);

  const answered = Object.keys(model.ratings).length > 0;
  const base = { nudgeId: model.nudgeId };
  body.push(
    textBlock(model.questions.length > 1 ? t.nudgeIntroAll : t.nudgeIntro, { isSubtle: true, spacing: "Small" }),
  );
  for (const question of model.questions) {
    const chosen = model.ratings[question];
    body.push(textBlock(QUESTION_TEXT[lang][question], { weight: "Bolder", spacing: "Medium" }));
    body.push({
      type: "ActionSet",
      actions: RATINGS.map((rating) =>
        action(
          `${rating} · ${RATING_LABEL[lang][rating]}`,
          { verb: "rate", ...base, question, rating },
          chosen === rating ? "positive" : undefined,
        ),
      ),
    });
    body.push(
      textBlock(chosen ? t.answered(chosen, RATING_LABEL[lang][chosen]) : t.scaleHint, {
        isSubtle: !chosen,
        spacing: "Small",
        size: "Small",
      }),
    );
    body.push({
      type: "Input.Text",
      id: reflectionInputId(question),
      label: t.reflectionLabel,
      placeholder: t.reflectionPlaceholder,
      isMultiline: true,
      maxLength: REFLECTION_MAX_LENGTH,
      // Echoed into an input value (plain text, never markdown), only to the leader themself.
      ...(model.reflections[question] ? { value: model.reflections[question] } : {}),
    });
  }
  if (model.error) body.push(textBlock(`⚠️ ${model.error}`, { color: "Attention" }));
  if (answered) {
    body.push(textBlock(`${t.streak(model.streak)} · ${t.changeHint}`, { isSubtle: true, size: "Small" }));
  } else if (model.nudgeId) {
    body.push({
      type: "ActionSet",
      actions: [
        action(t.snooze, { verb: "snooze", nudgeId: model.nudgeId }),
        action(t.skip, { verb: "skip", nudgeId: model.nudgeId }),
      ],
    });
  }
  return card(body);
}

/** `me`: the leader's own trend per question, as a card only they receive. */
export function overviewCard(view: OverviewView): AdaptiveCard {
  const body: CardElement[] = [textBlock(view.title, { size: "Medium", weight: "Bolder" })];
  if (view.paused) body.push(textBlock(view.paused));
  if (view.empty) body.push(textBlock(view.empty));
  if (view.rows.length > 0)
    body.push({
      type: "FactSet",
      facts: view.rows.map((row) => ({ title: row.label, value: `${row.sparkline}  ${row.average}` })),
    });
  if (view.footer) body.push(textBlock(view.footer, { isSubtle: true, size: "Small" }));
  return card(body);
}

/** Reads a button's data back, from an Action.Execute invoke or an Action.Submit message value. */
export function parseActionData(value: unknown): (CardActionData & { inputs: Record<string, unknown> }) | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v.verb !== "rate" && v.verb !== "snooze" && v.verb !== "skip") return null;
  const nudgeId = typeof v.nudgeId === "string" && v.nudgeId ? v.nudgeId : null;
  return {
    verb: v.verb,
    nudgeId,
    ...(typeof v.question === "string" ? { question: v.question as QuestionKey } : {}),
    ...(v.rating !== undefined ? { rating: Number(v.rating) } : {}),
    inputs: v,
  };
}
