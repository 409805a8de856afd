// The digest's figures as sentences in neutral markup (src/views/copy.ts), shared by the Slack
// and Teams digests through the digest's view model (src/views/digest.ts). Two rules live here:
// - tone is always named for what it measures (how the team speaks about customers), and
// - a figure that is withheld says why, where it would have been — never a bare dash.

import type { ChannelFigures, DigestReport } from "../core/presence/ports.js";
import type { Language } from "../core/shared/model.js";
import { count, decimal, percent, points } from "./format.js";
import { presenceTexts } from "./presenceTexts.js";
import { QUESTION_LABEL } from "./questions.js";

/** The lines under a channel's (or the workspace's) label; `named` spells out what tone means. */
export function figureLines(f: ChannelFigures, language: Language, minAuthors: number, named: boolean): string[] {
  const t = presenceTexts(language);
  if (f.customerShare === null) {
    const hidden = t.hidden[f.hidden ?? "few-authors"];
    return [typeof hidden === "string" ? hidden : hidden(minAuthors)];
  }
  const change = f.change === null ? t.noChange : t.change(points(f.change, language));
  const lines = [t.line(count(f.messages, language), percent(f.customerShare, language), change)];
  if (f.positiveShare === null || f.negativeShare === null) {
    lines.push(t.toneNone);
  } else {
    // A message about customers with neither tone is factual (see toneShares in the digest).
    const factual = Math.max(0, 1 - f.positiveShare - f.negativeShare);
    const shares = [f.positiveShare, factual, f.negativeShare].map((v) => percent(v, language)) as [
      string,
      string,
      string,
    ];
    lines.push(named ? t.toneLine(...shares) : t.toneShort(...shares));
  }
  return lines;
}

/** The leaders' section: the answer rate and averages, or why each is withheld. */
export function leaderLines(report: DigestReport): string[] {
  const { language, leaders, minAuthors } = report;
  const t = presenceTexts(language);
  if (leaders.nudged === 0) return [t.leadersNone];
  const lines = [
    leaders.answeredShare === null
      ? t.leadersTooFew(minAuthors, leaders.leaders)
      : t.leadersLine(percent(leaders.answeredShare, language), leaders.nudged),
  ];
  const shown = leaders.questions.filter((q) => q.average !== null);
  if (shown.length > 0)
    lines.push(
      `${t.leadersAverages}: ${shown.map((q) => `${QUESTION_LABEL[language][q.question]} ${decimal(q.average, language)}`).join(" · ")}`,
    );
  for (const q of leaders.questions.filter((x) => x.average === null))
    lines.push(t.leadersHiddenAverage(QUESTION_LABEL[language][q.question], minAuthors, q.leaders));
  return lines;
}

export function suggestionsLine(report: DigestReport): string {
  const s = report.suggestions;
  return presenceTexts(report.language).suggestionsLine(
    s.created,
    s.answeredShare === null ? null : percent(s.answeredShare, report.language),
  );
}
