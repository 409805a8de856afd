// 3. The built-in classifier alone (classifyMessage), messages per second on one core (this
// process's single thread), against a plain keyword regex over the same messages; and with a
// workspace vocabulary of 10,000 account names.
//   npm run bench -- classifier [--messages 200000] [--seconds 5]
import { performance } from "node:perf_hooks";
import { classifyMessage, createBuiltinClassifier } from "../src/core/presence/builtinClassifier.js";
import { messages, TEMPLATE_COUNT } from "./lib/corpus.js";
import { heading, intFlag, machine, main, note, result, table } from "./lib/common.js";

function timeIt(label: string, corpus: string[], seconds: number, fn: (text: string) => unknown): { rate: number; hits: number } {
  // Warm-up pass (JIT, lazily built regexes), then whole passes until `seconds` have elapsed.
  for (const text of corpus.slice(0, 5000)) fn(text);
  let done = 0;
  let hits = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const text of corpus) if (fn(text)) hits++;
    done += corpus.length;
  }
  const rate = (done / (performance.now() - started)) * 1000;
  note(`${label}: ${done.toLocaleString("en-US")} messages`);
  return { rate, hits: hits / (done / corpus.length) };
}

main(async () => {
  const count = intFlag("messages", 100_000);
  const seconds = intFlag("seconds", 5);
  heading("Built-in classifier alone, one core");
  note(machine());
  const corpus = messages(count, 3);
  note(`${count.toLocaleString("en-US")} messages from ${TEMPLATE_COUNT} German/English templates, average ${Math.round(corpus.reduce((a, t) => a + t.length, 0) / corpus.length)} characters`);
  const keyword = /kund|customer|client|user/i;
  const base = timeIt("keyword regex", corpus, seconds, (t) => keyword.test(t));
  const ours = timeIt("classifyMessage", corpus, seconds, (t) => classifyMessage(t).customer);
  const withTerms = createBuiltinClassifier({ industry: "b2b", terms: Array.from({ length: 10_000 }, (_, k) => `Kontor ${k} Handel`) });
  const vocab = timeIt("with 10,000 terms", corpus, seconds, (t) => withTerms.classifyMessage(t).customer);
  table([
    ["classifier", "messages/s", "µs/message", "share 'customer'"],
    ["classifyMessage (built-in)", ours.rate, 1e6 / ours.rate, `${((100 * ours.hits) / count).toFixed(1)} %`],
    ["built-in, b2b preset + 10,000 terms", vocab.rate, 1e6 / vocab.rate, `${((100 * vocab.hits) / count).toFixed(1)} %`],
    ["/kund|customer|client|user/i (baseline)", base.rate, 1e6 / base.rate, `${((100 * base.hits) / count).toFixed(1)} %`],
    ["ratio baseline / built-in (slowdown)", base.rate / ours.rate, "", ""],
  ]);
  note("the keyword regex also flags 'HTTP client', 'user table', 'Testkunde', 'customer_id' — the built-in classifier exists to avoid those");
  result("classifier", { messages: count, builtinPerSecond: ours.rate, withTermsPerSecond: vocab.rate, regexPerSecond: base.rate, slowdown: base.rate / ours.rate });
});
