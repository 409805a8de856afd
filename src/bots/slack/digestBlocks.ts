// Block Kit for the weekly HR/CX digest. Numbers are formatted for the reader's locale.
import type { KnownBlock } from "@slack/types";
import type { Language } from "../../core/shared/model.js";
import type { ChannelFigures, DigestReport } from "../../core/presence/ports.js";
import { QUESTION_LABEL } from "../../prompts/questions.js";
import { presenceTexts } from "../../prompts/presenceTexts.js";
import { orgMirrorLines } from "../../prompts/mirrorDigest.js"; // leader mirror (issue 12)
import { digestVocabularyLine } from "../../prompts/vocabularyTexts.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { count, decimal, percent, points, sparkline } from "../../prompts/format.js";

export { percent };

/** Slack allows 50 blocks a message; the digest keeps room for its other sections. */
const MAX_CHANNEL_LINES = 60;

function figuresLine(label: string, f: ChannelFigures, language: Language): string {
  const t = presenceTexts(language);
  if (f.customerShare === null) return `*${label}* — ${t.notEnough}`;
  const change = f.change === null ? t.noChange : t.change(points(f.change, language));
  return `*${label}* \`${sparkline(f.trend)}\`\n${t.line(count(f.messages, language), percent(f.customerShare, language), change, percent(f.positiveShare, language), percent(f.negativeShare, language))}`;
}

export function digestText(report: DigestReport): string {
  return presenceTexts(report.language).digestTitle(report.week);
}

export function digestBlocks(report: DigestReport, options: { preview?: boolean } = {}): KnownBlock[] {
  const { language } = report;
  const t = presenceTexts(language);
  const md = (text: string) => ({ type: "mrkdwn" as const, text });
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: t.digestTitle(report.week), emoji: true } }];
  if (options.preview) blocks.push({ type: "context", elements: [md(t.previewNote)] });
  const vocabulary = digestVocabularyLine(report.vocabulary, language);
  blocks.push({ type: "context", elements: [md(t.digestIntro(report.minAuthors)), ...(vocabulary ? [md(vocabulary)] : [])] });

  if (report.workspace.messages === 0 && report.channels.length === 0) {
    blocks.push({ type: "section", text: md(t.noData) });
  } else {
    blocks.push({ type: "section", text: md(figuresLine(t.workspaceLabel, report.workspace, language)) });
    const lines = report.channels.slice(0, MAX_CHANNEL_LINES).map((c) => figuresLine(`<#${c.channelRef}>`, c, language));
    if (report.other) lines.push(figuresLine(t.otherChannels, report.other, language));
    if (report.channels.length > MAX_CHANNEL_LINES) lines.push(t.moreChannels(report.channels.length - MAX_CHANNEL_LINES));
    // A section holds 3,000 characters: group the channel lines into as few sections as fit.
    let chunk = "";
    for (const line of lines) {
      if (chunk && chunk.length + line.length + 2 > 2900) {
        blocks.push({ type: "section", text: md(chunk) });
        chunk = "";
      }
      chunk = chunk ? `${chunk}\n\n${line}` : line;
    }
    if (chunk) blocks.push({ type: "section", text: md(chunk) });
  }

  if (report.bullets.length > 0) {
    blocks.push({ type: "section", text: md(`*${t.bulletsTitle}*\n${report.bullets.map((b) => `• ${escapeMrkdwn(b)}`).join("\n")}`) });
  }

  blocks.push({ type: "divider" });
  const leaders = report.leaders;
  const averages = leaders.questions
    .map((q) => `${QUESTION_LABEL[language][q.question]} ${decimal(q.average, language)}`)
    .join(" · ");
  blocks.push({
    type: "section",
    text: md(
      leaders.nudged === 0
        ? `*${t.leadersTitle}*\n${t.leadersNone}`
        : `*${t.leadersTitle}*\n${t.leadersLine(leaders.answeredShare === null ? null : percent(leaders.answeredShare, language), leaders.nudged, report.minAuthors)}\n${t.leadersAverages}: ${averages} ${t.leadersHidden(report.minAuthors)}`,
    ),
  });

  const s = report.suggestions;
  const top = s.top.map((x) => `#${x.number} (👍 ${x.votes}) ${escapeMrkdwn(x.text)}`).join("\n");
  blocks.push({
    type: "section",
    text: md(`*${t.suggestionsTitle}*\n${t.suggestionsLine(s.created, percent(s.answeredShare, language))}${top ? `\n_${t.suggestionsTop}_\n${top}` : ""}`),
  });
  if (report.orgMirror) blocks.push({ type: "section", text: md(orgMirrorLines(report.orgMirror, language).join("\n")) }); // leader mirror (issue 12)
  return blocks;
}
