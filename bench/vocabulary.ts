// 8. What a workspace vocabulary costs: building the classifier for 1,000 / 10,000 / 20,000
// terms (paid once per vocabulary change per replica) against the per-message cost of using
// the cached one (WorkspaceClassifiers.for + classify, a cache hit) and of the plain built-in
// classifier (the baseline).
//   npm run bench -- vocabulary [--sizes 1000,10000,20000] [--builds 5] [--messages 20000]
import { performance } from "node:perf_hooks";
import { classifyMessage, createBuiltinClassifier } from "../src/core/presence/builtinClassifier.js";
import { WorkspaceClassifiers } from "../src/core/presence/workspaceClassifiers.js";
import {
  EMPTY_VOCABULARY,
  type VocabularyStore,
  type WorkspaceVocabulary,
} from "../src/core/presence/workspaceVocabulary.js";
import { heading, intFlag, listFlag, machine, main, median, note, result, table } from "./lib/common.js";
import { messages } from "./lib/corpus.js";

const names = (n: number) => Array.from({ length: n }, (_, k) => `Kontor ${k} Handel GmbH`);

main(async () => {
  const sizes = listFlag("sizes", [1_000, 10_000, 20_000]);
  const builds = intFlag("builds", 5);
  const count = intFlag("messages", 20_000);
  heading("Workspace vocabulary: classifier build vs per-message cost");
  note(machine());
  const corpus = messages(count, 7);
  for (const text of corpus.slice(0, 2000)) classifyMessage(text); // warm-up
  let started = performance.now();
  for (const text of corpus) classifyMessage(text);
  const plainUs = ((performance.now() - started) * 1000) / count;

  const rows: (string | number)[][] = [
    ["terms", "build ms (median)", "µs/message, cached", "µs/message, plain built-in (baseline)"],
  ];
  const figures: Record<string, unknown> = { plainUsPerMessage: plainUs };
  for (const size of sizes) {
    const terms = names(size);
    const times: number[] = [];
    for (let i = 0; i < builds; i++) {
      const t = performance.now();
      createBuiltinClassifier({ industry: "b2b", terms }).classifyMessage("warm");
      times.push(performance.now() - t);
    }
    const vocabulary: WorkspaceVocabulary = { industry: "b2b", terms, version: 1, changedAt: new Date() };
    const store: VocabularyStore = {
      vocabularyVersion: async () => 1,
      getVocabulary: async (id) => (id === "w" ? vocabulary : EMPTY_VOCABULARY),
      saveVocabulary: async () => false,
    };
    const classifiers = new WorkspaceClassifiers({
      store,
      clock: () => new Date(),
      builtin: (v) => createBuiltinClassifier(v),
      llm: null,
    });
    await classifiers.for("w");
    started = performance.now();
    for (let i = 0; i < corpus.length; i += 100)
      await (await classifiers.for("w")).builtin.classify(corpus.slice(i, i + 100));
    const cachedUs = ((performance.now() - started) * 1000) / count;
    rows.push([size.toLocaleString("en-US"), median(times), cachedUs, plainUs]);
    figures[`build${size}Ms`] = median(times);
    figures[`cached${size}UsPerMessage`] = cachedUs;
  }
  table(rows);
  note(
    "the build is paid once per vocabulary change per replica (and after a restart); messages then use the cached classifier",
  );
  result("vocabulary", figures);
});
