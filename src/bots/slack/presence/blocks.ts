// The weekly HR/CX digest (src/views/digest.ts) laid out as Block Kit.
import type { KnownBlock } from "@slack/types";
import type { DigestReport } from "../../../core/presence/ports.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { digestView, type FiguresView } from "../../../views/digest.js";
import { escapeMrkdwn, slackText } from "../mrkdwn.js";

/** Slack allows 50 blocks a message; the digest keeps room for its other sections. */
const MAX_CHANNEL_LINES = 60;

const md = (text: string) => ({ type: "mrkdwn" as const, text });

/** A channel is a mention, which Slack shows as its name. */
function figuresLine(f: FiguresView): string {
  const label = f.label.kind === "channel" ? `<#${f.label.channelRef}>` : f.label.text;
  const [first, ...rest] = f.lines.map(slackText);
  if (f.sparkline === null) return `*${label}* — ${first}`;
  return [`*${label}* \`${f.sparkline}\``, first, ...rest].join("\n");
}

export function digestText(report: DigestReport): string {
  return presenceTexts(report.language).digestTitle(report.week);
}

export function digestBlocks(report: DigestReport, options: { preview?: boolean } = {}): KnownBlock[] {
  const view = digestView(report, { preview: options.preview, maxChannels: MAX_CHANNEL_LINES });
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: view.title, emoji: true } }];
  if (view.previewNote) blocks.push({ type: "context", elements: [md(view.previewNote)] });
  blocks.push({
    type: "context",
    elements: [md(view.intro), ...(view.vocabulary ? [md(slackText(view.vocabulary))] : [])],
  });

  if (view.noData) blocks.push({ type: "section", text: md(view.noData) });
  if (view.workspace) blocks.push({ type: "section", text: md(figuresLine(view.workspace)) });
  if (view.toneLegend) blocks.push({ type: "context", elements: [md(slackText(view.toneLegend))] });
  const lines = view.channels.map(figuresLine);
  if (view.other) lines.push(figuresLine(view.other));
  if (view.moreChannels) lines.push(view.moreChannels);
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
  // The trend chart (view.chart) follows as an image of its own: see SlackPresenceMessenger.

  if (view.bullets) {
    blocks.push({
      type: "section",
      text: md(`*${view.bullets.title}*\n${view.bullets.items.map((b) => `• ${escapeMrkdwn(b)}`).join("\n")}`),
    });
  }

  blocks.push({ type: "divider" });
  blocks.push({
    type: "section",
    text: md([`*${view.leaders.title}*`, ...view.leaders.lines.map(slackText)].join("\n")),
  });

  const s = view.suggestions;
  const top = s.top.map((x) => `#${x.number} (👍 ${x.votes}) ${escapeMrkdwn(x.text)}`).join("\n");
  blocks.push({
    type: "section",
    text: md(`*${s.title}*\n${slackText(s.line)}${top ? `\n_${s.topTitle}_\n${top}` : ""}`),
  });
  if (view.orgMirror)
    blocks.push({ type: "section", text: md([`*${view.orgMirror.title}*`, ...view.orgMirror.lines].join("\n")) });
  return blocks;
}
