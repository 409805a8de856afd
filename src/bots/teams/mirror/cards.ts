// Adaptive Cards for the leader mirror (issue 12): pure functions from the core's neutral views.
// The answer card's button carries the round and the reader's language — nothing about the person.

import type { InviteView, QuestionFigures, ResultsView, SelfRatingView } from "../../../core/mirror/ports.js";
import type { Language } from "../../../core/shared/model.js";
import { QUESTION_KEYS } from "../../../core/shared/questions.js";
import { decimal, longDate, percent } from "../../../prompts/format.js";
import { mirrorTexts } from "../../../prompts/mirrorTexts.js";
import { QUESTION_LABEL } from "../../../prompts/questions.js";
import {
  type ActionData,
  type AdaptiveCard,
  card as adaptiveCard,
  type CardElement,
  type ExecuteAction,
  type InputChoiceSet,
  type TextBlock,
  textBlock,
} from "../adaptiveCard.js";
import { escapeMarkdown, teamsText } from "../markdown.js";

export const MIRROR_VERB = { self: "mirror.self", answer: "mirror.answer" } as const;
export type MirrorVerb = (typeof MIRROR_VERB)[keyof typeof MIRROR_VERB];

/** The mirror's cards keep Teams' default width: forms and figures read better narrow. */
const card = (body: CardElement[], actions: ExecuteAction[] = []): AdaptiveCard =>
  adaptiveCard(body, actions.length ? { actions } : {});
const text = (value: string, extra: Omit<TextBlock, "type" | "text"> = {}): TextBlock => textBlock(value, extra);

function leaderName(name: string, language: Language): string {
  return escapeMarkdown(name.trim() || (language === "de" ? "deine Führungskraft" : "your leader"));
}

function choices(language: Language, withCantJudge: boolean): InputChoiceSet["choices"] {
  const t = mirrorTexts(language);
  const ratings = ([1, 2, 3, 4, 5] as const).map((r) => ({ title: t.rateLabels[r], value: String(r) }));
  return withCantJudge ? [...ratings, { title: t.cantJudge, value: "0" }] : ratings;
}

function questionInputs(
  questions: Record<string, string>,
  language: Language,
  withCantJudge: boolean,
): InputChoiceSet[] {
  return QUESTION_KEYS.map((q) => ({
    type: "Input.ChoiceSet" as const,
    id: q,
    label: questions[q],
    isRequired: true,
    errorMessage: mirrorTexts(language).incomplete,
    style: "compact",
    placeholder: mirrorTexts(language).pick,
    choices: choices(language, withCantJudge),
  }));
}

const execute = (title: string, verb: MirrorVerb, data: ActionData): ExecuteAction => ({
  type: "Action.Execute",
  title,
  verb,
  data: { verb, ...data },
  style: "positive",
});

export function selfRatingCard(view: SelfRatingView): AdaptiveCard {
  const t = mirrorTexts(view.language);
  return card(
    [
      text(t.selfTitle, { weight: "Bolder", size: "Medium" }),
      text(t.selfIntro(view.invited, longDate(view.closesAt, view.language, view.timeZone))),
      ...questionInputs(t.firstPerson, view.language, false),
    ],
    [execute(t.submit, MIRROR_VERB.self, { roundId: view.roundId, language: view.language })],
  );
}

export function inviteCard(view: InviteView, reminder: boolean): AdaptiveCard {
  const t = mirrorTexts(view.language);
  const raw = view.leaderName.trim() || (view.language === "de" ? "deine Führungskraft" : "your leader");
  const name = leaderName(view.leaderName, view.language);
  const closes = longDate(view.closesAt, view.language, view.timeZone);
  return card(
    [
      text(t.inviteTitle(name), { weight: "Bolder", size: "Medium" }),
      text(reminder ? t.reminder(name, closes) : t.inviteIntro(name, closes)),
      ...questionInputs(t.thirdPerson(raw), view.language, true),
    ],
    [execute(t.submit, MIRROR_VERB.answer, { roundId: view.roundId, language: view.language })],
  );
}

export function noticeCard(message: string): AdaptiveCard {
  return card([text(message)]);
}

const signed = (n: number, language: Language) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${decimal(Math.abs(n), language)}`;

function questionBlocks(q: QuestionFigures, language: Language, minResponses: number): TextBlock[] {
  const t = mirrorTexts(language);
  const blocks: TextBlock[] = [
    text(`**${QUESTION_LABEL[language][q.question]}** — ${t.firstPerson[q.question]}`, { spacing: "Medium" }),
  ];
  if (q.team === null)
    return [...blocks, text(`${t.self} ${decimal(q.self, language)} · ${t.tooFewForQuestion(minResponses)}`)];
  const figures = [`${t.self} ${decimal(q.self, language)}`, `${t.team} ${decimal(q.team, language)}`];
  if (q.spread !== null) figures.push(`${t.spread} ${decimal(q.spread, language)}`);
  if (q.gap !== null) figures.push(`${t.gap} ${signed(q.gap, language)}`);
  blocks.push(text(`${figures.join(" · ")}${q.label ? ` — ${t.label[q.label]}` : ""}`, { spacing: "None" }));
  const e = q.evidence;
  if (e?.kind === "presence")
    blocks.push(
      text(
        t.presenceEvidence(
          percent(e.customerShare, language),
          e.positiveShare === null ? null : percent(e.positiveShare, language),
          e.negativeShare === null ? null : percent(e.negativeShare, language),
          e.channels,
        ),
        { isSubtle: true, spacing: "None" },
      ),
    );
  if (e?.kind === "asking")
    blocks.push(
      text(t.askingEvidence(e.asks, e.teamSuggestions, e.days), {
        isSubtle: true,
        spacing: "None",
      }),
    );
  if (q.label === "blind-spot")
    blocks.push(text(`💡 **${t.tryThis}:** ${teamsText(t.suggestion[q.question])}`, { spacing: "None" }));
  return blocks;
}

export function resultsCard(view: ResultsView): AdaptiveCard {
  const t = mirrorTexts(view.language);
  if (!view.results)
    return card([text(t.resultsTitle, { weight: "Bolder", size: "Medium" }), text(t.withheld(view.minResponses))]);
  const r = view.results;
  return card([
    text(t.resultsTitle, { weight: "Bolder", size: "Medium" }),
    text(t.resultsIntro(r.responses, r.invited)),
    ...(r.selfSource === "check-ins"
      ? [text(t.selfFromCheckIns, { isSubtle: true })]
      : r.selfSource === "none"
        ? [text(t.noSelf, { isSubtle: true })]
        : []),
    ...r.questions.flatMap((q) => questionBlocks(q, view.language, view.minResponses)),
  ]);
}
