// Block Kit for the leader mirror (issue 12): pure functions from the core's neutral views to
// Slack JSON. No I/O. Nothing here carries a rater id: the answer form knows only its round.
import type { KnownBlock, PlainTextOption, View } from "@slack/types";
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
import { escapeMrkdwn, slackText } from "../mrkdwn.js";

export const MIRROR_ACTION = {
  openSelf: "mirror_self_open",
  openAnswer: "mirror_answer_open",
  openShare: "mirror_share_open",
  showMine: "mirror_show_mine",
} as const;
export const MIRROR_CALLBACK = { self: "mirror_self", answer: "mirror_answer", share: "mirror_share" } as const;

const plain = (text: string) => ({ type: "plain_text" as const, text: text.slice(0, 150), emoji: true });
const md = (text: string) => ({ type: "mrkdwn" as const, text });
const section = (text: string): KnownBlock => ({ type: "section", text: md(text) });
const context = (text: string): KnownBlock => ({ type: "context", elements: [md(text)] });

/** A name as the person's platform reported it, safe in mrkdwn; a neutral word when unknown. */
export function leaderName(name: string, language: Language): string {
  return escapeMrkdwn(name.trim() || (language === "de" ? "deine Führungskraft" : "your leader"));
}

function scaleOptions(language: Language, withCantJudge: boolean): PlainTextOption[] {
  const t = mirrorTexts(language);
  const ratings = ([1, 2, 3, 4, 5] as const).map((r) => ({ text: plain(t.rateLabels[r]), value: String(r) }));
  return withCantJudge ? [...ratings, { text: plain(t.cantJudge), value: "0" }] : ratings;
}

/** Five radio groups, one per question; `texts` are the questions as the reader sees them. */
function questionInputs(questions: Record<string, string>, language: Language, withCantJudge: boolean): KnownBlock[] {
  return QUESTION_KEYS.map(
    (q): KnownBlock => ({
      type: "input",
      block_id: `mirror:${q}`,
      label: plain(questions[q]!),
      element: { type: "radio_buttons", action_id: "value", options: scaleOptions(language, withCantJudge) },
    }),
  );
}

export function selfRatingMessage(view: SelfRatingView) {
  const t = mirrorTexts(view.language);
  const text = t.selfIntro(view.invited, longDate(view.closesAt, view.language, view.timeZone));
  return {
    text: t.selfTitle,
    blocks: [
      section(`*${t.selfTitle}*\n${text}`),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: MIRROR_ACTION.openSelf,
            text: plain(t.selfButton),
            value: view.roundId,
            style: "primary",
          },
        ],
      },
    ] as KnownBlock[],
  };
}

export function selfRatingModal(roundId: string, language: Language): View {
  const t = mirrorTexts(language);
  return {
    type: "modal",
    callback_id: MIRROR_CALLBACK.self,
    private_metadata: roundId,
    title: plain(t.selfButton.slice(0, 24)),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks: [section(t.selfTitle), ...questionInputs(t.firstPerson, language, false)],
  };
}

export function inviteMessage(view: InviteView, reminder: boolean) {
  const t = mirrorTexts(view.language);
  const name = leaderName(view.leaderName, view.language);
  const closes = longDate(view.closesAt, view.language, view.timeZone);
  const intro = reminder ? t.reminder(name, closes) : t.inviteIntro(name, closes);
  return {
    text: t.inviteTitle(name),
    blocks: [
      section(`*${t.inviteTitle(name)}*\n${intro}`),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: MIRROR_ACTION.openAnswer,
            text: plain(t.inviteButton),
            value: view.roundId,
            style: "primary",
          },
        ],
      },
    ] as KnownBlock[],
  };
}

/** The rater's form: the round id is all it carries (the platform says who submits it). */
export function answerModal(roundId: string, name: string, language: Language): View {
  const t = mirrorTexts(language);
  const shown = name.trim() || (language === "de" ? "deine Führungskraft" : "your leader");
  return {
    type: "modal",
    callback_id: MIRROR_CALLBACK.answer,
    private_metadata: roundId,
    title: plain(language === "de" ? "Spiegel" : "Mirror"),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks: [
      section(`*${escapeMrkdwn(t.inviteTitle(shown))}*`),
      ...questionInputs(t.thirdPerson(shown), language, true),
    ],
  };
}

function evidenceLine(q: QuestionFigures, language: Language): string | null {
  const t = mirrorTexts(language);
  const e = q.evidence;
  if (!e) return null;
  if (e.kind === "presence") {
    return t.presenceEvidence(
      percent(e.customerShare, language),
      e.positiveShare === null ? null : percent(e.positiveShare, language),
      e.negativeShare === null ? null : percent(e.negativeShare, language),
      e.channels,
    );
  }
  return t.askingEvidence(e.asks, e.teamSuggestions, e.days);
}

const signed = (n: number, language: Language) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${decimal(Math.abs(n), language)}`;

/** One question's lines, the same in the leader's DM and in a shared post. */
function questionLines(
  q: QuestionFigures,
  language: Language,
  minResponses: number,
  options: { suggestions: boolean },
): string {
  const t = mirrorTexts(language);
  const title = `*${QUESTION_LABEL[language][q.question]}* — ${t.firstPerson[q.question]}`;
  if (q.team === null) {
    return [title, `${t.self} ${decimal(q.self, language)} · ${t.tooFewForQuestion(minResponses)}`].join("\n");
  }
  const figures = [`${t.self} ${decimal(q.self, language)}`, `${t.team} ${decimal(q.team, language)}`];
  if (q.spread !== null) figures.push(`${t.spread} ${decimal(q.spread, language)}`);
  if (q.gap !== null) figures.push(`${t.gap} ${signed(q.gap, language)}`);
  const lines = [title, `${figures.join(" · ")}${q.label ? ` — ${t.label[q.label]}` : ""}`];
  const evidence = evidenceLine(q, language);
  if (evidence) lines.push(`_${evidence}_`);
  if (options.suggestions && q.label === "blind-spot")
    lines.push(`💡 *${t.tryThis}:* ${slackText(t.suggestion[q.question])}`);
  return lines.join("\n");
}

export function resultsText(view: ResultsView): string {
  const t = mirrorTexts(view.language);
  return view.results
    ? `${t.resultsTitle}: ${t.resultsIntro(view.results.responses, view.results.invited)}`
    : t.withheld(view.minResponses);
}

function figuresBlocks(
  results: MirrorResults,
  language: Language,
  minResponses: number,
  suggestions: boolean,
): KnownBlock[] {
  return results.questions.map((q) => section(questionLines(q, language, minResponses, { suggestions })));
}

export function resultsBlocks(view: ResultsView): KnownBlock[] {
  const t = mirrorTexts(view.language);
  if (!view.results) return [section(`*${t.resultsTitle}*\n${t.withheld(view.minResponses)}`)];
  const r = view.results;
  const blocks: KnownBlock[] = [section(`*${t.resultsTitle}*\n${t.resultsIntro(r.responses, r.invited)}`)];
  if (r.selfSource === "check-ins") blocks.push(context(t.selfFromCheckIns));
  if (r.selfSource === "none") blocks.push(context(t.noSelf));
  blocks.push(...figuresBlocks(r, view.language, view.minResponses, true));
  blocks.push({
    type: "actions",
    elements: [{ type: "button", action_id: MIRROR_ACTION.openShare, text: plain(t.share), value: view.round.id }],
  });
  return blocks;
}

/** A shared post's notification text: addressed to the team, not to the leader. */
export function sharedText(view: ResultsView): string {
  return mirrorTexts(view.language).sharedTitle(leaderName(view.leaderName, view.language));
}

/** What the team sees when the leader shares: the same aggregate, no suggestions addressed to the leader. */
export function sharedBlocks(view: ResultsView): KnownBlock[] {
  const t = mirrorTexts(view.language);
  const r = view.results!;
  return [
    section(`*${t.sharedTitle(leaderName(view.leaderName, view.language))}*\n${t.sharedIntro(r.responses, r.invited)}`),
    ...figuresBlocks(r, view.language, view.minResponses, false),
  ];
}

export function shareModal(roundId: string, language: Language): View {
  const t = mirrorTexts(language);
  return {
    type: "modal",
    callback_id: MIRROR_CALLBACK.share,
    private_metadata: roundId,
    title: plain(t.shareTitle),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks: [
      {
        type: "input",
        block_id: "channel",
        label: plain(t.shareChannel),
        element: {
          type: "conversations_select",
          action_id: "value",
          filter: { include: ["public", "private"], exclude_bot_users: true },
        },
      },
    ],
  };
}

/**
 * /cx-me's way to the mirror: a button, so the command itself reads nothing more than the
 * check-in overview (tests/slack/cxMeStatements.wire.test.ts) and the mirror is read on request.
 */
export function showMirrorButton(language: Language): KnownBlock {
  return {
    type: "actions",
    elements: [
      { type: "button", action_id: MIRROR_ACTION.showMine, text: plain(mirrorTexts(language).meShow), value: "me" },
    ],
  } as KnownBlock;
}

/** The mirror part of /cx-me and App Home: the last round and the team figure over the rounds. */
export function overviewMirrorBlocks(overview: MirrorOverview, language: Language, timeZone: string): KnownBlock[] {
  const t = mirrorTexts(language);
  const blocks: KnownBlock[] = [{ type: "header", text: plain(`🪞 ${t.meSection}`) }];
  if (overview.open) blocks.push(section(mirrorStatusText(overview.open, language, timeZone)));
  if (!overview.latest) {
    if (!overview.open) blocks.push(section(slackText(t.meNone)));
    return blocks;
  }
  const latest = overview.latest;
  blocks.push(section(t.meLast(longDate(latest.round.closedAt, language, timeZone))));
  if (!latest.results) blocks.push(section(t.withheld(latest.minResponses)));
  else blocks.push(...figuresBlocks(latest.results, language, latest.minResponses, false));
  if (overview.trend.length > 1) {
    const lines = QUESTION_KEYS.map(
      (q) =>
        `${QUESTION_LABEL[language][q]}: ${overview.trend.map((r) => decimal(r.team[q] ?? null, language)).join(" → ")}`,
    );
    blocks.push(section(`*${t.meTrend}*\n${lines.join("\n")}`));
  }
  return blocks;
}
