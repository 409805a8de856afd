// Records or checks the golden outputs of the built-in presence classifier (see
// scripts/lib/presenceGolden.ts).
//   npx tsx scripts/presence-golden.ts --check   fails (exit 1) on any difference, listing them
//   npx tsx scripts/presence-golden.ts --write   records the current outputs (only when a
//                                                change of results is intended, e.g. retraining)
import { readFileSync, writeFileSync } from "node:fs";
import { compareGolden, computeGolden, GOLDEN_HEADER, GOLDEN_PATH } from "./lib/presenceGolden.js";

const mode = process.argv[2];
if (mode !== "--check" && mode !== "--write") {
  console.error("usage: npx tsx scripts/presence-golden.ts --check | --write");
  process.exit(2);
}
const { lines, evalFound } = computeGolden();
if (mode === "--write") {
  if (!evalFound) throw new Error("../shared/eval not found: the golden record must cover the eval sets");
  writeFileSync(GOLDEN_PATH, `${GOLDEN_HEADER}\n${lines.join("\n")}\n`);
  console.log(`wrote ${lines.length} lines to ${GOLDEN_PATH}`);
} else {
  const diffs = compareGolden(readFileSync(GOLDEN_PATH, "utf8").split("\n"), lines, evalFound);
  if (!evalFound) console.log("note: ../shared/eval not found; its rows were not checked");
  if (diffs.length) {
    console.log(diffs.slice(0, 20).join("\n"));
    console.log(`${diffs.length} difference(s) from ${GOLDEN_PATH}`);
    process.exit(1);
  }
  console.log(`all ${lines.length} outputs match the golden record`);
}
