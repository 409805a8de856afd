// The weekly HR/CX digest as an Adaptive Card: figures per channel, other channels, the whole
// workspace, leaders, suggestions, the optional summary bullets, and the 8-week trend as a chart
// Teams draws itself, with the PNG (a data: URI) for clients that cannot. Numbers are formatted
// for the reader's locale. The card stays under Teams' 28 KB message limit: channel lines are
// capped, and the PNG fallback is the first to go.
import type { ChannelFigures, DigestReport } from "../../../core/presence/ports.js";
import { figureLines, leaderLines, suggestionsLine } from "../../../prompts/digestLines.js";
import { sparkline } from "../../../prompts/format.js";
import { orgMirrorLines } from "../../../prompts/mirrorDigest.js"; // leader mirror (issue 12)
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { digestVocabularyLine } from "../../../prompts/vocabularyTexts.js";
import { card } from "../adaptiveCard.js";
import { escapeCardText, teamsText } from "../markdown.js";
import { trendChartElement } from "./digestChart.js";

type Json = Record<string, unknown>;

const MAX_CHANNEL_LINES = 30;
/** Teams refuses messages over ~28 KB; leave room for the activity around the card. */
export const MAX_CARD_BYTES = 26_000;

const textBlock = (text: string, extra: Json = {}): Json => ({ type: "TextBlock", text, wrap: true, ...extra });

/** `label` is already safe markdown (escaped if it came from Teams); `named`: the tone line says what it measures. */
function figuresBlock(label: string, f: ChannelFigures, report: DigestReport, named = false): Json {
  const [first, ...rest] = figureLines(f, report.language, report.minAuthors, named).map(teamsText);
  if (f.customerShare === null) return textBlock(`**${label}** — ${first}`, { spacing: "Small" });
  return textBlock([`**${label}** \`${sparkline(f.trend)}\``, first, ...rest].join("\n\n"), { spacing: "Small" });
}

interface DigestCardOptions {
  preview?: boolean;
  /** A channel's display name when known (null otherwise: it is then numbered). */
  channelName?: (channelRef: string) => string | null;
  /** The trend chart as PNG (presenceTrendSpec), shown where Teams cannot draw the chart itself. */
  chartPng?: Buffer;
}

export function digestCard(report: DigestReport, options: DigestCardOptions = {}): Json {
  const { language } = report;
  const t = presenceTexts(language);
  const body: Json[] = [textBlock(t.digestTitle(report.week), { size: "Large", weight: "Bolder" })];
  if (options.preview) body.push(textBlock(t.previewNote, { color: "Accent", spacing: "None" }));
  body.push(textBlock(t.digestIntro(report.minAuthors), { isSubtle: true, size: "Small" }));
  const vocabulary = digestVocabularyLine(report.vocabulary, language);
  if (vocabulary) body.push(textBlock(teamsText(vocabulary), { isSubtle: true, size: "Small", spacing: "None" }));

  if (report.workspace.messages === 0 && report.channels.length === 0) {
    body.push(textBlock(t.noData));
  } else {
    body.push(figuresBlock(t.workspaceLabel, report.workspace, report, true));
    body.push(textBlock(teamsText(t.toneLegend), { isSubtle: true, size: "Small", spacing: "None" }));
    report.channels.slice(0, MAX_CHANNEL_LINES).forEach((c, i) => {
      const name = c.channelRef ? options.channelName?.(c.channelRef) : null;
      body.push(figuresBlock(name ? escapeCardText(name) : t.teamsChannelLabel(i + 1), c, report));
    });
    if (report.other) body.push(figuresBlock(t.otherChannels, report.other, report));
    if (report.channels.length > MAX_CHANNEL_LINES)
      body.push(textBlock(t.moreChannels(report.channels.length - MAX_CHANNEL_LINES), { isSubtle: true }));
    if (report.workspace.trend.some((v) => v !== null)) {
      const view = { weeks: report.weeks, tones: report.workspace.toneTrend };
      body.push({ ...trendChartElement(view, language, options.chartPng ?? null), spacing: "Medium" });
    }
  }

  if (report.bullets.length > 0) {
    body.push(textBlock(`**${t.bulletsTitle}**`, { spacing: "Medium" }));
    body.push(
      textBlock(report.bullets.map((b) => `- ${escapeCardText(b.replace(/\s+/g, " "))}`).join("\n"), {
        spacing: "Small",
      }),
    );
  }

  body.push(textBlock(`**${t.leadersTitle}**`, { separator: true, spacing: "Medium" }));
  body.push(textBlock(leaderLines(report).map(teamsText).join("\n\n"), { spacing: "Small" }));

  const s = report.suggestions;
  body.push(textBlock(`**${t.suggestionsTitle}**`, { spacing: "Medium" }));
  body.push(textBlock(teamsText(suggestionsLine(report)), { spacing: "Small" }));
  if (s.top.length > 0) {
    body.push(textBlock(`_${t.suggestionsTop}_`, { spacing: "Small" }));
    for (const x of s.top)
      body.push(
        textBlock(`#${x.number} (👍 ${x.votes}) ${escapeCardText(x.text.slice(0, 200).replace(/\s+/g, " "))}`, {
          spacing: "None",
        }),
      );
  }
  // Leader mirror (issue 12): the organisation's mirror, in the one digest that shows it.
  if (report.orgMirror) {
    for (const [i, line] of orgMirrorLines(report.orgMirror, language).entries())
      body.push(textBlock(i === 0 ? `**${line.replace(/\*/g, "")}**` : line, { spacing: i === 0 ? "Medium" : "None" }));
  }
  const result = card(body);
  if (options.chartPng && Buffer.byteLength(JSON.stringify(result)) > MAX_CARD_BYTES)
    return digestCard(report, { ...options, chartPng: undefined });
  return result;
}
