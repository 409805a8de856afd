// Block Kit for the weekly HR/CX digest. Numbers are formatted for the reader's locale.
import type { KnownBlock } from "@slack/types";
import type { ChannelFigures, DigestReport } from "../../../core/presence/ports.js";
import type { Language } from "../../../core/shared/model.js";
import { figureLines, leaderLines, suggestionsLine } from "../../../prompts/digestLines.js";
import { percent, sparkline } from "../../../prompts/format.js";
import { orgMirrorLines } from "../../../prompts/mirrorDigest.js"; // leader mirror (issue 12)
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { digestVocabularyLine } from "../../../prompts/vocabularyTexts.js";
import { escapeMrkdwn } from "../mrkdwn.js";

export { percent };

/** Slack allows 50 blocks a message; the digest keeps room for its other sections. */
const MAX_CHANNEL_LINES = 60;

/** `named`: the tone line spells out what it measures (the workspace line; channels follow it). */
function figuresLine(label: string, f: ChannelFigures, language: Language, minAuthors: number, named = false): string {
  const [first, ...rest] = figureLines(f, language, minAuthors, named);
  if (f.customerShare === null) return `*${label}* — ${first}`;
  return [`*${label}* \`${sparkline(f.trend)}\``, first, ...rest].join("\n");
}

export function digestText(report: DigestReport): string {
  return presenceTexts(report.language).digestTitle(report.week);
}

export function digestBlocks(report: DigestReport, options: { preview?: boolean } = {}): KnownBlock[] {
  const { language } = report;
  const t = presenceTexts(language);
  const md = (text: string) => ({ type: "mrkdwn" as const, text });
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t.digestTitle(report.week), emoji: true } },
  ];
  if (options.preview) blocks.push({ type: "context", elements: [md(t.previewNote)] });
  const vocabulary = digestVocabularyLine(report.vocabulary, language);
  blocks.push({
    type: "context",
    elements: [md(t.digestIntro(report.minAuthors)), ...(vocabulary ? [md(vocabulary)] : [])],
  });

  if (report.workspace.messages === 0 && report.channels.length === 0) {
    blocks.push({ type: "section", text: md(t.noData) });
  } else {
    blocks.push({
      type: "section",
      text: md(figuresLine(t.workspaceLabel, report.workspace, language, report.minAuthors, true)),
    });
    blocks.push({ type: "context", elements: [md(t.toneLegend)] });
    const lines = report.channels
      .slice(0, MAX_CHANNEL_LINES)
      .map((c) => figuresLine(`<#${c.channelRef}>`, c, language, report.minAuthors));
    if (report.other) lines.push(figuresLine(t.otherChannels, report.other, language, report.minAuthors));
    if (report.channels.length > MAX_CHANNEL_LINES)
      lines.push(t.moreChannels(report.channels.length - MAX_CHANNEL_LINES));
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
    blocks.push({
      type: "section",
      text: md(`*${t.bulletsTitle}*\n${report.bullets.map((b) => `• ${escapeMrkdwn(b)}`).join("\n")}`),
    });
  }

  blocks.push({ type: "divider" });
  blocks.push({ type: "section", text: md([`*${t.leadersTitle}*`, ...leaderLines(report)].join("\n")) });

  const s = report.suggestions;
  const top = s.top.map((x) => `#${x.number} (👍 ${x.votes}) ${escapeMrkdwn(x.text)}`).join("\n");
  blocks.push({
    type: "section",
    text: md(`*${t.suggestionsTitle}*\n${suggestionsLine(report)}${top ? `\n_${t.suggestionsTop}_\n${top}` : ""}`),
  });
  if (report.orgMirror)
    blocks.push({ type: "section", text: md(orgMirrorLines(report.orgMirror, language).join("\n")) }); // leader mirror (issue 12)
  return blocks;
}
