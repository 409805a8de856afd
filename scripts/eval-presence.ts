// Scores the built-in customer-presence classifier on labelled JSONL sets, per set and per
// language (the `lang` field), with the same measures as /work/shared/eval/score.mjs:
// customer precision, recall and F1, and tone accuracy on the customer messages.
//
// usage: npx tsx scripts/eval-presence.ts [set.jsonl ...] [--industry NAME] [--terms FILE]
//                                          [--errors] [--out predictions.jsonl]
//   sets default to every presence-dev*.jsonl in ../shared/eval (or ../../shared/eval); the
//   name "corpus" stands for the training corpus in corpus/presence;
//   --errors lists the misclassified messages; --out writes the predictions of the last set.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createBuiltinClassifier } from "../src/core/presence/builtinClassifier.js";
import type { PresenceVerdict } from "../src/core/presence/classifier.js";
import { parseTermsFile } from "../src/core/presence/termsFile.js";
import { isIndustryPreset } from "../src/core/presence/vocabulary.js";
import { readCorpus } from "./lib/presenceCorpus.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const industry = flag("--industry");
if (industry !== undefined && !isIndustryPreset(industry)) throw new Error(`unknown industry ${industry}`);
const termsPath = flag("--terms");
const terms = termsPath ? parseTermsFile(readFileSync(termsPath, "utf8")).terms : undefined;
const outPath = flag("--out");
const showErrors = args.includes("--errors");
const sets = args.filter(
  (a, i) => !a.startsWith("--") && !(i > 0 && ["--industry", "--terms", "--out"].includes(args[i - 1]!)),
);
if (sets.length === 0) {
  // ../shared/eval from the main checkout, ../../shared/eval from a worktree under wt/
  const dir = [resolve(repoRoot, "../shared/eval"), resolve(repoRoot, "../../shared/eval")].find((d) => existsSync(d));
  if (!dir) throw new Error("no eval directory at ../shared/eval; name the sets");
  for (const f of readdirSync(dir).sort()) if (/^presence-dev.*\.jsonl$/u.test(f)) sets.push(resolve(dir, f));
}

const classifier = createBuiltinClassifier({ industry: industry as never, terms });

interface Row {
  id: string | number;
  lang?: string;
  text: string;
  customer: boolean;
  tone: string | null;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  toneRight: number;
  toneTotal: number;
  n: number;
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, toneRight: 0, toneTotal: 0, n: 0 });
function add(t: Tally, gold: Row, pred: PresenceVerdict): void {
  t.n++;
  if (gold.customer && pred.customer) t.tp++;
  else if (!gold.customer && pred.customer) t.fp++;
  else if (gold.customer && !pred.customer) t.fn++;
  if (gold.customer) {
    t.toneTotal++;
    if (pred.tone === gold.tone) t.toneRight++;
  }
}
function line(label: string, t: Tally): string {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const f1 = (2 * p * r) / Math.max(1e-9, p + r);
  const tone = t.toneRight / Math.max(1, t.toneTotal);
  return `${label.padEnd(28)} n ${String(t.n).padStart(4)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  tone ${tone.toFixed(3)} (${t.toneRight}/${t.toneTotal})`;
}

function readSet(path: string): Row[] {
  if (path === "corpus") return readCorpus();
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

for (const path of sets) {
  const rows = readSet(path);
  const all = tally();
  const byLang = new Map<string, Tally>();
  const out: string[] = [];
  for (const row of rows) {
    const pred = classifier.classifyMessage(row.text);
    add(all, row, pred);
    const lang = row.lang ?? "?";
    if (!byLang.has(lang)) byLang.set(lang, tally());
    add(byLang.get(lang)!, row, pred);
    out.push(JSON.stringify({ id: row.id, customer: pred.customer, tone: pred.tone }));
    if (showErrors && (pred.customer !== row.customer || (row.customer && pred.tone !== row.tone))) {
      const what =
        pred.customer !== row.customer
          ? `customer ${row.customer ? "missed" : "false alarm"}`
          : `tone ${row.tone} read as ${pred.tone}`;
      console.log(`  ${what}: ${row.text}`);
    }
  }
  const name = path
    .split("/")
    .pop()!
    .replace(/\.jsonl$/u, "");
  console.log(line(name, all));
  for (const [lang, t] of [...byLang].sort()) console.log(line(`  ${lang}`, t));
  if (outPath) writeFileSync(outPath, `${out.join("\n")}\n`);
}
