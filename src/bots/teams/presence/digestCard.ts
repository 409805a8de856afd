// The weekly HR/CX digest (src/views/digest.ts) laid out as an Adaptive Card: figures per
// channel, other channels, the whole workspace, leaders, suggestions, the optional summary
// bullets, and the 8-week trend as a chart Teams draws itself, with the PNG (a data: URI) for
// clients that cannot. The card stays under Teams' 28 KB message limit: channel lines are
// capped, and the PNG fallback is the first to go.
import type { DigestReport } from "../../../core/presence/ports.js";
import { presenceTexts } from "../../../prompts/presenceTexts.js";
import { type DigestView, digestView, type FiguresView } from "../../../views/digest.js";
import { type AdaptiveCard, type CardElement, card, textBlock, withinCardLimit } from "../adaptiveCard.js";
import { escapeCardText, teamsText } from "../markdown.js";
import { trendChartElement } from "./digestChart.js";

const MAX_CHANNEL_LINES = 30;

interface DigestCardOptions {
  preview?: boolean;
  /** A channel's display name when known (null otherwise: it is then numbered). */
  channelName?: (channelRef: string) => string | null;
  /** The trend chart as PNG (presenceTrendSpec), shown where Teams cannot draw the chart itself. */
  chartPng?: Buffer;
}

/** A channel by its name (escaped: it came from Teams), else by its number in the list. */
function label(f: FiguresView, view: DigestView, options: DigestCardOptions, language: DigestReport["language"]) {
  if (f.label.kind !== "channel") return f.label.text;
  const name = f.label.channelRef ? options.channelName?.(f.label.channelRef) : null;
  return name ? escapeCardText(name) : presenceTexts(language).teamsChannelLabel(f.label.position);
}

export function digestCard(report: DigestReport, options: DigestCardOptions = {}): AdaptiveCard {
  return withinCardLimit(
    (png) => buildDigestCard(report, { ...options, chartPng: png ?? undefined }),
    options.chartPng ?? null,
  );
}

function buildDigestCard(report: DigestReport, options: DigestCardOptions): AdaptiveCard {
  const { language } = report;
  const view = digestView(report, { preview: options.preview, maxChannels: MAX_CHANNEL_LINES });
  const figures = (f: FiguresView): CardElement => {
    const [first, ...rest] = f.lines.map(teamsText);
    const name = `**${label(f, view, options, language)}**`;
    if (f.sparkline === null) return textBlock(`${name} — ${first}`, { spacing: "Small" });
    return textBlock([`${name} \`${f.sparkline}\``, first, ...rest].join("\n\n"), { spacing: "Small" });
  };

  const body: CardElement[] = [textBlock(view.title, { size: "Large", weight: "Bolder" })];
  if (view.previewNote) body.push(textBlock(view.previewNote, { color: "Accent", spacing: "None" }));
  body.push(textBlock(view.intro, { isSubtle: true, size: "Small" }));
  if (view.vocabulary)
    body.push(textBlock(teamsText(view.vocabulary), { isSubtle: true, size: "Small", spacing: "None" }));

  if (view.noData) body.push(textBlock(view.noData));
  if (view.workspace) body.push(figures(view.workspace));
  if (view.toneLegend)
    body.push(textBlock(teamsText(view.toneLegend), { isSubtle: true, size: "Small", spacing: "None" }));
  body.push(...view.channels.map(figures));
  if (view.other) body.push(figures(view.other));
  if (view.moreChannels) body.push(textBlock(view.moreChannels, { isSubtle: true }));
  if (view.chart)
    body.push({ ...trendChartElement(view.chart, language, options.chartPng ?? null), spacing: "Medium" });

  if (view.bullets) {
    body.push(textBlock(`**${view.bullets.title}**`, { spacing: "Medium" }));
    body.push(
      textBlock(view.bullets.items.map((b) => `- ${escapeCardText(b.replace(/\s+/g, " "))}`).join("\n"), {
        spacing: "Small",
      }),
    );
  }

  body.push(textBlock(`**${view.leaders.title}**`, { separator: true, spacing: "Medium" }));
  body.push(textBlock(view.leaders.lines.map(teamsText).join("\n\n"), { spacing: "Small" }));

  const s = view.suggestions;
  body.push(textBlock(`**${s.title}**`, { spacing: "Medium" }));
  body.push(textBlock(teamsText(s.line), { spacing: "Small" }));
  if (s.top.length > 0) {
    body.push(textBlock(`_${s.topTitle}_`, { spacing: "Small" }));
    for (const x of s.top)
      body.push(
        textBlock(`#${x.number} (👍 ${x.votes}) ${escapeCardText(x.text.slice(0, 200).replace(/\s+/g, " "))}`, {
          spacing: "None",
        }),
      );
  }
  if (view.orgMirror) {
    body.push(textBlock(`**${view.orgMirror.title}**`, { spacing: "Medium" }));
    for (const line of view.orgMirror.lines) body.push(textBlock(line, { spacing: "None" }));
  }
  return card(body);
}
