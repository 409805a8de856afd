// Runs the built-in customer-presence classifier over a labelled JSONL set and writes
// predictions for /work/shared/eval/score.mjs.
//
// usage: npx tsx scripts/eval-presence.ts [input.jsonl] [output.jsonl]
//   input  defaults to ../shared/eval/presence-dev.jsonl (relative to the repo root)
//   output defaults to data/presence-predictions.jsonl
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { classifyMessage } from "../src/core/presence/builtinClassifier.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const inputPath = resolve(repoRoot, process.argv[2] ?? "../shared/eval/presence-dev.jsonl");
const outputPath = resolve(repoRoot, process.argv[3] ?? "data/presence-predictions.jsonl");

const lines = readFileSync(inputPath, "utf8").split("\n").filter((l) => l.trim() !== "");
const out: string[] = [];
const started = process.hrtime.bigint();
for (const [n, line] of lines.entries()) {
  let row: { id?: unknown; text?: unknown };
  try {
    row = JSON.parse(line) as { id?: unknown; text?: unknown };
  } catch {
    throw new Error(`${inputPath}:${n + 1}: not valid JSON`);
  }
  const text = typeof row.text === "string" ? row.text : "";
  const verdict = classifyMessage(text);
  out.push(JSON.stringify({ id: row.id, customer: verdict.customer, tone: verdict.tone }));
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;

mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, out.join("\n") + "\n");
console.log(`classified ${lines.length} messages in ${ms.toFixed(1)} ms -> ${outputPath}`);
