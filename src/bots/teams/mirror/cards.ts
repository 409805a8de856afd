// Adaptive Cards for the leader mirror (issue 12): pure functions from the core's neutral views.
// The answer card's button carries the round and the reader's language — nothing about the person.

import type {
  InviteView,
  MirrorResults,
  QuestionFigures,
  ResultsView,
  SelfRatingView,
} from "../../../core/mirror/ports.js";
import type { MirrorOverview } from "../../../core/mirror/service.js";
import type { Language } from "../../../core/shared/model.js";
import { QUESTION_KEYS } from "../../../core/shared/questions.js";
import { decimal, longDate, percent } from "../../../prompts/format.js";
import { mirrorStatusText, mirrorTexts } from "../../../prompts/mirrorTexts.js";
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
  withinCardLimit,
} from "../adaptiveCard.js";
import { escapeMarkdown, teamsText } from "../markdown.js";
import { mirrorChartElement } from "./chart.js";

export const MIRROR_VERB = {
  self: "mirror.self",
  answer: "mirror.answer",
  /** "Share with my team": the results card comes back with the channels to pick from. */
  shareForm: "mirror.shareForm",
  share: "mirror.share",
  /** `me`'s "Show my mirror": the last round and the trend, read only when asked for. */
  showMine: "mirror.showMine",
} as const;
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

const execute = (
  title: string,
  verb: MirrorVerb,
  data: ActionData,
  style: "positive" | undefined = "positive",
): ExecuteAction => ({
  type: "Action.Execute",
  title,
  verb,
  data: { verb, ...data },
  ...(style ? { style } : {}),
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

/** One question's lines, the same in the leader's card and in a shared post (which has no suggestions). */
function questionBlocks(
  q: QuestionFigures,
  language: Language,
  minResponses: number,
  options: { suggestions: boolean },
): TextBlock[] {
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
      text(teamsText(t.askingEvidence(e.asks, e.teamSuggestions, e.days)), {
        isSubtle: true,
        spacing: "None",
      }),
    );
  if (options.suggestions && q.label === "blind-spot")
    blocks.push(text(`💡 **${t.tryThis}:** ${teamsText(t.suggestion[q.question])}`, { spacing: "None" }));
  return blocks;
}

function figuresBlocks(
  results: MirrorResults,
  language: Language,
  minResponses: number,
  suggestions: boolean,
): TextBlock[] {
  return results.questions.flatMap((q) => questionBlocks(q, language, minResponses, { suggestions }));
}

/** The chart, spaced from the figures above it; nothing when there is nothing to draw. */
function chartBlocks(results: MirrorResults, language: Language, png: Buffer | null): CardElement[] {
  const chart = mirrorChartElement(results, language, png);
  return chart ? [{ ...chart, spacing: "Medium" }] : [];
}

/** The leader's team channels to post the mirror in. */
function shareChannelInput(label: string, pick: string, choices: InputChoiceSet["choices"]): InputChoiceSet {
  return {
    type: "Input.ChoiceSet",
    id: "channel",
    label,
    isRequired: true,
    errorMessage: pick,
    style: "compact",
    placeholder: pick,
    choices,
    spacing: "Medium",
  };
}

export interface ResultsCardOptions {
  /** The chart as PNG (src/charts/mirror.ts), shown where Teams cannot draw the chart itself. */
  chartPng?: Buffer | null;
  /** After "Share with my team": the leader's team channels to pick from (none: how to add one). */
  shareChoices?: { title: string; value: string }[];
  /** A line under the figures: what became of a share. */
  notice?: string;
}

/** The leader's results: figures, chart, suggestions, and the way to share them. */
export function resultsCard(view: ResultsView, options: ResultsCardOptions = {}): AdaptiveCard {
  const t = mirrorTexts(view.language);
  if (!view.results)
    return card([text(t.resultsTitle, { weight: "Bolder", size: "Medium" }), text(t.withheld(view.minResponses))]);
  const r = view.results;
  const data = { roundId: view.round.id, language: view.language };
  const choices = options.shareChoices;
  return withinCardLimit(
    (png) =>
      card(
        [
          text(t.resultsTitle, { weight: "Bolder", size: "Medium" }),
          text(t.resultsIntro(r.responses, r.invited)),
          ...(r.selfSource === "check-ins"
            ? [text(t.selfFromCheckIns, { isSubtle: true })]
            : r.selfSource === "none"
              ? [text(t.noSelf, { isSubtle: true })]
              : []),
          ...figuresBlocks(r, view.language, view.minResponses, true),
          ...chartBlocks(r, view.language, png),
          ...(options.notice ? [text(options.notice, { weight: "Bolder", spacing: "Medium" })] : []),
          ...(choices?.length
            ? [shareChannelInput(t.shareChannel, t.pick, choices)]
            : choices
              ? [text(t.shareNoChannels, { spacing: "Medium" })]
              : []),
        ],
        [
          choices?.length
            ? execute(t.shareSend, MIRROR_VERB.share, data)
            : execute(t.share, MIRROR_VERB.shareForm, data, undefined),
        ],
      ),
    options.chartPng ?? null,
  );
}

/** What the team sees when the leader shares: the same aggregate, no suggestions addressed to the leader. */
export function sharedCard(view: ResultsView, chartPng: Buffer | null): AdaptiveCard {
  const t = mirrorTexts(view.language);
  const r = view.results!;
  return withinCardLimit(
    (png) =>
      card([
        text(t.sharedTitle(leaderName(view.leaderName, view.language)), { weight: "Bolder", size: "Medium" }),
        text(t.sharedIntro(r.responses, r.invited)),
        ...figuresBlocks(r, view.language, view.minResponses, false),
        ...chartBlocks(r, view.language, png),
      ]),
    chartPng,
  );
}

/** `me`'s way to the mirror: a button, so `me` itself reads nothing more than the check-in overview. */
export function withShowMirror(overview: AdaptiveCard, language: Language): AdaptiveCard {
  return {
    ...overview,
    actions: [
      ...(overview.actions ?? []),
      execute(mirrorTexts(language).meShow, MIRROR_VERB.showMine, { language }, undefined),
    ],
  };
}

/** The mirror part of `me`: a running round, the last round, and the team figure over the rounds. */
export function overviewMirrorCard(overview: MirrorOverview, language: Language, timeZone: string): AdaptiveCard {
  const t = mirrorTexts(language);
  const body: CardElement[] = [text(`🪞 ${t.meSection}`, { weight: "Bolder", size: "Medium" })];
  if (overview.open) body.push(text(mirrorStatusText(overview.open, language, timeZone)));
  const latest = overview.latest;
  if (!latest) {
    if (!overview.open) body.push(text(teamsText(t.meNone)));
    return card(body);
  }
  body.push(text(t.meLast(longDate(latest.round.closedAt, language, timeZone))));
  if (!latest.results) body.push(text(t.withheld(latest.minResponses)));
  else
    body.push(
      ...figuresBlocks(latest.results, language, latest.minResponses, false),
      ...chartBlocks(latest.results, language, null),
    );
  if (overview.trend.length > 1)
    body.push(text(`**${t.meTrend}**`, { spacing: "Medium" }), {
      type: "FactSet" as const,
      facts: QUESTION_KEYS.map((q) => ({
        title: QUESTION_LABEL[language][q],
        value: overview.trend.map((r) => decimal(r.team[q] ?? null, language)).join(" → "),
      })),
    });
  return card(body);
}
