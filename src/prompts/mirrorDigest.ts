// The organisation's mirror as lines of the weekly digest (issue 12), shared by Slack and Teams:
// averages over at least three leaders, never one leader's figures.

import type { OrgMirror } from "../core/mirror/ports.js";
import type { Language } from "../core/shared/model.js";
import { decimal, percent } from "./format.js";
import { mirrorTexts } from "./mirrorTexts.js";
import { QUESTION_LABEL } from "./questions.js";

export function orgMirrorLines(org: OrgMirror, language: Language): string[] {
  const t = mirrorTexts(language);
  return [
    `*${t.orgTitle(org.quarter, org.leaders)}*`,
    ...org.questions.map((q) =>
      q.self === null || q.team === null
        ? t.orgTooFew(QUESTION_LABEL[language][q.question])
        : t.orgLine(
            QUESTION_LABEL[language][q.question],
            decimal(q.self, language),
            decimal(q.team, language),
            percent(q.blindSpotShare, language),
          ),
    ),
  ];
}
