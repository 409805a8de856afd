// The built-in classifier answers exactly what tests/core/presence/classifier.golden.tsv
// records for every message of the eval sets (when ../shared/eval is on this machine), the
// training corpus, the benchmark corpus and the bad inputs — verdict and full explanation,
// with and without a vocabulary. Speed work must not move a single output; a change meant to
// move them (retraining, new cues) rewrites the record with scripts/presence-golden.ts --write.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareGolden, computeGolden, GOLDEN_PATH } from "../../../scripts/lib/presenceGolden.js";

describe("golden outputs of the built-in classifier", () => {
  it("match the record for every message, in both configurations", () => {
    const recorded = readFileSync(GOLDEN_PATH, "utf8").split("\n");
    const { lines, evalFound } = computeGolden();
    // the corpus alone is over 1,700 messages per configuration: the check never runs empty
    expect(lines.filter((l) => l.includes("\tcorpus/")).length).toBeGreaterThan(3000);
    if (evalFound) expect(lines.filter((l) => l.includes("\teval/")).length).toBeGreaterThan(1000);
    expect(compareGolden(recorded, lines, evalFound)).toEqual([]);
  }, 60_000);

  it("notices a changed verdict", () => {
    const { lines } = computeGolden();
    const changed = lines.map((l, k) =>
      k === 5 ? l.replace(/\t(customer|no)\t/u, (_, v: string) => (v === "no" ? "\tcustomer\t" : "\tno\t")) : l,
    );
    expect(compareGolden(lines, changed, true)).toHaveLength(1);
  }, 60_000);
});
