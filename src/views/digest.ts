// The weekly HR/CX digest as one neutral view: headings, lines of neutral copy, the channels'
// figures and a reference to the trend chart. Slack lays it out as Block Kit, Teams as an
// Adaptive Card; what it says, and in which order, is decided here once.
import type { PresenceTrendView } from "../charts/presenceTrend.js";
import type { OrgMirror } from "../core/mirror/ports.js";
import type { ChannelFigures, DigestReport } from "../core/presence/ports.js";
import type { Language } from "../core/shared/model.js";
import { figureLines, leaderLines, suggestionsLine } from "../prompts/digestLines.js";
import { decimal, percent, sparkline } from "../prompts/format.js";
import { mirrorTexts } from "../prompts/mirrorTexts.js";
import { presenceTexts } from "../prompts/presenceTexts.js";
import { QUESTION_LABEL } from "../prompts/questions.js";
import { digestVocabularyLine } from "../prompts/vocabularyTexts.js";

/** Whose figures a block shows; a door names a channel its own way (a mention, a name, a number). */
export type FiguresLabel =
  | { kind: "workspace" | "other"; text: string }
  /** `position` counts from 1 in the order the digest lists channels. */
  | { kind: "channel"; channelRef: string | null; position: number };

export interface FiguresView {
  label: FiguresLabel;
  /** The 8-week trend as bars; null when the week's figures are withheld (then `lines` is why). */
  sparkline: string | null;
  lines: string[];
}

export interface Section {
  title: string;
  lines: string[];
}

export interface DigestView {
  title: string;
  /** Set on a preview only its reader sees. */
  previewNote: string | null;
  intro: string;
  /** Which customer vocabulary the figures were classified with. */
  vocabulary: string | null;
  /** Set when nothing was measured; the figures below are then empty. */
  noData: string | null;
  workspace: FiguresView | null;
  toneLegend: string | null;
  channels: FiguresView[];
  other: FiguresView | null;
  /** "…and N more channels" when the door's limit cut the list. */
  moreChannels: string | null;
  /** The trend chart's data, when there is any week to draw. */
  chart: PresenceTrendView | null;
  /** Summary bullets (LLM text: untrusted, each door escapes it). */
  bullets: { title: string; items: string[] } | null;
  leaders: Section;
  suggestions: {
    title: string;
    line: string;
    topTitle: string;
    /** `text` is what a person wrote: each door escapes it. */
    top: { number: number; votes: number; text: string }[];
  };
  /** Leader mirror (issue 12): the organisation's mirror, in the one digest that shows it. */
  orgMirror: Section | null;
}

export interface DigestViewOptions {
  preview?: boolean;
  /** How many channels the door has room for; the rest are counted in `moreChannels`. */
  maxChannels: number;
}

export function digestView(report: DigestReport, options: DigestViewOptions): DigestView {
  const { language, minAuthors } = report;
  const t = presenceTexts(language);
  const figures = (label: FiguresLabel, f: ChannelFigures, named = false): FiguresView => ({
    label,
    sparkline: f.customerShare === null ? null : sparkline(f.trend),
    lines: figureLines(f, language, minAuthors, named),
  });
  const measured = report.workspace.messages > 0 || report.channels.length > 0;
  const shown = measured ? report.channels.slice(0, options.maxChannels) : [];
  return {
    title: t.digestTitle(report.week),
    previewNote: options.preview ? t.previewNote : null,
    intro: t.digestIntro(minAuthors),
    vocabulary: digestVocabularyLine(report.vocabulary, language),
    noData: measured ? null : t.noData,
    // The workspace's tone line says what tone measures; the channels under it follow it.
    workspace: measured ? figures({ kind: "workspace", text: t.workspaceLabel }, report.workspace, true) : null,
    toneLegend: measured ? t.toneLegend : null,
    channels: shown.map((c, i) => figures({ kind: "channel", channelRef: c.channelRef, position: i + 1 }, c)),
    other: measured && report.other ? figures({ kind: "other", text: t.otherChannels }, report.other) : null,
    moreChannels:
      measured && report.channels.length > options.maxChannels
        ? t.moreChannels(report.channels.length - options.maxChannels)
        : null,
    chart:
      measured && report.workspace.trend.some((v) => v !== null)
        ? { weeks: report.weeks, tones: report.workspace.toneTrend }
        : null,
    bullets: report.bullets.length > 0 ? { title: t.bulletsTitle, items: report.bullets } : null,
    leaders: { title: t.leadersTitle, lines: leaderLines(report) },
    suggestions: {
      title: t.suggestionsTitle,
      line: suggestionsLine(report),
      topTitle: t.suggestionsTop,
      top: report.suggestions.top.map(({ number, votes, text }) => ({ number, votes, text })),
    },
    orgMirror: report.orgMirror ? orgMirrorSection(report.orgMirror, language) : null,
  };
}

/** Averages over at least three leaders, never one leader's figures. */
function orgMirrorSection(org: OrgMirror, language: Language): Section {
  const t = mirrorTexts(language);
  return {
    title: t.orgTitle(org.quarter, org.leaders),
    lines: org.questions.map((q) =>
      q.self === null || q.team === null
        ? t.orgTooFew(QUESTION_LABEL[language][q.question])
        : t.orgLine(
            QUESTION_LABEL[language][q.question],
            decimal(q.self, language),
            decimal(q.team, language),
            percent(q.blindSpotShare, language),
          ),
    ),
  };
}
