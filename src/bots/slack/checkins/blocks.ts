// Block Kit renderers: pure functions from core view data to Slack JSON. No I/O here.
import type { Button, KnownBlock, PlainTextOption, View } from "@slack/types";
import type { NudgeView } from "../../../core/checkins/ports.js";
import type { Overview } from "../../../core/checkins/service.js";
import type { Language } from "../../../core/shared/model.js";
import { type QuestionKey, RATINGS, type Rating } from "../../../core/shared/questions.js";
import { QUESTION_TEXT, RATING_LABEL } from "../../../prompts/questions.js";
import { texts } from "../../../prompts/texts.js";
import { type OverviewView, overviewView } from "../../../views/me.js";
import { slackText } from "../mrkdwn.js";

export const ACTION = {
  rate: "rate", // suffixed with ":<rating>" so ids stay unique within a question's block
  reflect: "nudge_reflect",
  snooze: "nudge_snooze",
  skip: "nudge_skip",
  homeCheckin: "home_checkin",
} as const;

export const CALLBACK = { checkin: "checkin_modal" } as const;

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });
/** Our copy (neutral markup) as mrkdwn; nothing a person typed goes through here. */
const md = (text: string) => ({ type: "mrkdwn" as const, text: slackText(text) });

/** Button payload for a rating; parsed back by parseRateValue. */
function rateValue(nudgeId: string, question: QuestionKey, rating: Rating): string {
  return `${nudgeId}|${question}|${rating}`;
}

export function parseRateValue(value: string): { nudgeId: string; question: string; rating: number } | null {
  const [nudgeId, question, rating] = value.split("|");
  if (!nudgeId || !question || !rating) return null;
  return { nudgeId, question, rating: Number(rating) };
}

function ratingButtons(view: NudgeView, question: QuestionKey): KnownBlock {
  const chosen = view.ratings[question];
  return {
    type: "actions",
    block_id: `q:${question}`,
    elements: RATINGS.map(
      (rating): Button => ({
        type: "button",
        action_id: `${ACTION.rate}:${rating}`,
        text: plain(`${rating} · ${RATING_LABEL[view.language][rating]}`),
        value: rateValue(view.nudgeId, question, rating),
        ...(chosen === rating ? { style: "primary" as const } : {}),
      }),
    ),
  };
}

export function nudgeFallbackText(view: NudgeView): string {
  return `${texts(view.language).nudgeTitle}: ${view.questions.map((q) => QUESTION_TEXT[view.language][q]).join(" / ")}`;
}

export function nudgeBlocks(view: NudgeView): KnownBlock[] {
  const t = texts(view.language);
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t.nudgeTitle) }];
  if (view.status === "snoozed") {
    blocks.push({ type: "section", text: md(t.snoozed(view.snoozedUntil ?? "")) });
    return blocks;
  }
  if (view.status === "skipped") {
    blocks.push({ type: "section", text: md(t.skipped) });
    return blocks;
  }
  const answered = Object.keys(view.ratings).length > 0;
  blocks.push({ type: "context", elements: [md(view.questions.length > 1 ? t.nudgeIntroAll : t.nudgeIntro)] });
  for (const question of view.questions) {
    blocks.push({ type: "section", text: md(`*${QUESTION_TEXT[view.language][question]}*`) });
    blocks.push(ratingButtons(view, question));
    const rating = view.ratings[question];
    blocks.push({
      type: "context",
      elements: [md(rating ? t.answered(rating, RATING_LABEL[view.language][rating]) : t.scaleHint)],
    });
  }
  const footer: Button[] = [
    { type: "button", action_id: ACTION.reflect, text: plain(t.addReflection), value: view.nudgeId },
  ];
  if (!answered) {
    footer.push({ type: "button", action_id: ACTION.snooze, text: plain(t.snooze), value: view.nudgeId });
    footer.push({ type: "button", action_id: ACTION.skip, text: plain(t.skip), value: view.nudgeId });
  }
  blocks.push({ type: "actions", block_id: "nudge_footer", elements: footer });
  if (answered) blocks.push({ type: "context", elements: [md(`${t.streak(view.streak)} · ${t.changeHint}`)] });
  return blocks;
}

interface CheckinModalInput {
  language: Language;
  nudgeId: string | null;
  questions: QuestionKey[];
  ratings: Partial<Record<QuestionKey, Rating>>;
  reflections: Partial<Record<QuestionKey, string>>;
  title: "checkin" | "reflection";
}

/** What the form carries to its submission. No week: the server chooses it when the answer arrives. */
export interface CheckinModalMetadata {
  nudgeId: string | null;
  questions: QuestionKey[];
  language: Language;
}

export function checkinModal(input: CheckinModalInput): View {
  const t = texts(input.language);
  const blocks: KnownBlock[] = [];
  for (const question of input.questions) {
    const options: PlainTextOption[] = RATINGS.map((r) => ({
      text: plain(`${r} · ${RATING_LABEL[input.language][r]}`),
      value: String(r),
    }));
    const chosen = input.ratings[question];
    blocks.push({ type: "section", text: md(`*${QUESTION_TEXT[input.language][question]}*`) });
    blocks.push({
      type: "input",
      block_id: `rating:${question}`,
      optional: input.questions.length > 1,
      label: plain(t.ratingLabel),
      element: {
        type: "radio_buttons",
        action_id: "value",
        options,
        ...(chosen ? { initial_option: options[chosen - 1] } : {}),
      },
    });
    const reflection = input.reflections[question];
    blocks.push({
      type: "input",
      block_id: `reflection:${question}`,
      optional: true,
      label: plain(t.reflectionLabel),
      element: {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        placeholder: plain(t.reflectionPlaceholder),
        ...(reflection ? { initial_value: reflection } : {}),
      },
    });
  }
  const metadata: CheckinModalMetadata = {
    nudgeId: input.nudgeId,
    questions: input.questions,
    language: input.language,
  };
  return {
    type: "modal",
    callback_id: CALLBACK.checkin,
    private_metadata: JSON.stringify(metadata),
    title: plain(input.title === "checkin" ? t.checkinTitle : t.reflectionTitle),
    submit: plain(t.save),
    close: plain(t.cancel),
    blocks,
  };
}

/** The leader's trend, with the /cx-me commands under it: Slack hides them behind a slash. */
export function overviewBlocks(view: OverviewView, language: Language): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(view.title) }];
  if (view.paused) blocks.push({ type: "section", text: md(view.paused) });
  if (view.empty) blocks.push({ type: "section", text: md(view.empty) });
  if (view.rows.length > 0) {
    const lines = view.rows.map((row) => `*${row.label}*  \`${row.sparkline}\`  ${row.average}`);
    blocks.push({ type: "section", text: md(lines.join("\n")) });
  }
  if (view.footer) blocks.push({ type: "context", elements: [md(view.footer)] });
  blocks.push({ type: "context", elements: [md(texts(language).meHelp)] });
  return blocks;
}

export function homeView(
  overview: Overview,
  language: Language,
  pausedUntil: string | null,
  nextNudge: string | null,
): View {
  const t = texts(language);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t.homeTitle) },
    { type: "section", text: md(t.homeIntro) },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: ACTION.homeCheckin, text: plain(t.checkinTitle), style: "primary", value: "home" },
      ],
    },
  ];
  if (nextNudge) blocks.push({ type: "context", elements: [md(t.homeNext(nextNudge))] });
  blocks.push({ type: "divider" }, ...overviewBlocks(overviewView(overview, language, pausedUntil), language));
  return { type: "home", blocks };
}
