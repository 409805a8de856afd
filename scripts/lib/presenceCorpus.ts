// Reads the labelled training corpus in corpus/presence/*.txt (format in its PROVENANCE.md):
//   # trade: ...            comment lines
//   <lang> <label> | <text>  label: no | pos | neu | neg
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Tone } from "../../src/core/presence/classifier.js";

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../corpus/presence");

export interface CorpusRow {
  id: string;
  file: string;
  lang: "de" | "en";
  text: string;
  customer: boolean;
  tone: Tone | null;
}

const LABELS: Record<string, Tone | null> = { no: null, pos: "positive", neu: "neutral", neg: "negative" };
const LINE_RE = /^(de|en) (no|pos|neu|neg) \| (.+)$/u;

export function readCorpus(dir = CORPUS_DIR): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const lines = readFileSync(resolve(dir, file), "utf8").split("\n");
    lines.forEach((line, k) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const m = LINE_RE.exec(line);
      if (!m) throw new Error(`${file}:${k + 1}: expected "<de|en> <no|pos|neu|neg> | <text>"`);
      const tone = LABELS[m[2]!]!;
      rows.push({
        id: `${file.replace(/\.txt$/u, "")}:${k + 1}`,
        file,
        lang: m[1] as "de" | "en",
        text: m[3]!.replace(/\\n/gu, "\n"),
        customer: m[2] !== "no",
        tone,
      });
    });
  }
  return rows;
}

/** A short fingerprint of the corpus files (names and contents), recorded with the weights. */
export function corpusDigest(dir = CORPUS_DIR): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(resolve(dir, file)));
  }
  return hash.digest("hex").slice(0, 16);
}
