// The text `kundennah classify --explain` prints: the verdict, the cues the rules found by
// family, and the model features that moved the decision most. For people debugging the
// classifier on their own message, so it names features as the code does.
import type { Explanation } from "./core/presence/builtinClassifier.js";
import type { CueFamily } from "./core/presence/evidence.js";
import type { IndustryPreset } from "./core/presence/vocabulary.js";

const SECTIONS: readonly [CueFamily, string][] = [
  ["customer", "customer cues"],
  ["false friend", "false friends (look like customers, are not counted)"],
  ["tone +", "appreciative cues"],
  ["tone -", "disparaging and problem cues"],
  ["negation", "negations and reported opinions"],
];

/** How many model features to show. */
const TOP = 8;

const pct = (p: number): string => `${Math.round(p * 100)} %`;
const signed = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

export function formatExplanation(e: Explanation, vocabulary: { industry?: IndustryPreset; terms: number }): string {
  const lines: string[] = [];
  const { verdict } = e;
  lines.push(verdict.customer ? `verdict: about customers, tone ${verdict.tone}` : "verdict: not about customers");
  const tones = Object.entries(e.toneProbabilities).map(([tone, p]) => `${tone} ${pct(p)}`);
  lines.push(`  p(customer) ${pct(e.customerProbability)}${tones.length ? `; tone ${tones.join(" · ")}` : ""}`);
  lines.push(
    `  vocabulary: ${vocabulary.industry ? `industry ${vocabulary.industry}` : "no industry"}, ${vocabulary.terms} workspace term${vocabulary.terms === 1 ? "" : "s"}`,
  );
  for (const [family, title] of SECTIONS) {
    const notes = e.notes.filter((n) => n.family === family && n.text !== "");
    if (notes.length === 0) continue;
    lines.push(`${title}:`);
    for (const n of notes) lines.push(`  ${n.feature.padEnd(20)} ${n.text}`);
  }
  const customer = e.contributions
    .filter((c) => c.customer !== 0)
    .sort((a, b) => Math.abs(b.customer) - Math.abs(a.customer))
    .slice(0, TOP);
  if (customer.length) {
    lines.push("model, about customers (logit share):");
    for (const c of customer) lines.push(`  ${signed(c.customer)}  ${c.feature}`);
  }
  const tone = e.contributions
    .filter((c) => c.tone !== 0)
    .sort((a, b) => Math.abs(b.tone) - Math.abs(a.tone))
    .slice(0, TOP);
  if (verdict.customer && tone.length) {
    lines.push(`model, ${verdict.tone} over the next tone (score share):`);
    for (const c of tone) lines.push(`  ${signed(c.tone)}  ${c.feature}`);
  }
  return `${lines.join("\n")}\n`;
}
