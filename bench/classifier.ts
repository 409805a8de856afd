// 3. The built-in classifier alone (classifyMessage), messages per second on one core (this
// process's single thread), against two baselines over the same messages in the same run:
// the keyword-and-rules classifier it replaced (a frozen copy in bench/lib/keywordClassifier,
// the 78,600 messages/s of docs/performance.md) and a plain keyword regex; and with a
// workspace vocabulary of 10,000 account names.
//   npm run bench -- classifier [--messages 100000] [--seconds 5] [--rounds 10] [--profile]
// Rates are per CPU second of this process (user + system time, process.cpuUsage), not per
// wall-clock second: on a shared machine a neighbour that takes the core away would otherwise
// count as our slowness. But a busy sibling hyperthread still slows a CPU second down, by up
// to half on this shared machine, from one second to the next; so the two classifiers take
// turns every 1,000 messages (a few milliseconds), each round is a set of such turns, and the
// ratio is the median of the rounds' ratios: both sides see the same neighbours.
// With --profile, a further run of classifyMessage alone is profiled and summed up by
// bench/lib/profileTop.ts (the profile is written to bench/profiles/).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { classifyMessage, createBuiltinClassifier } from "../src/core/presence/builtinClassifier.js";
import { boolFlag, heading, intFlag, machine, main, note, ROOT, result, table, verdict } from "./lib/common.js";
import { messages, TEMPLATE_COUNT } from "./lib/corpus.js";
import { classifyMessage as keywordClassifyMessage } from "./lib/keywordClassifier/classifier.js";

type Fn = (text: string) => boolean;

/** One exact pass over the corpus: warms the JIT up and counts the share marked 'customer'. */
function share(corpus: string[], fn: Fn): number {
  let hits = 0;
  for (const text of corpus) if (fn(text)) hits++;
  return hits / corpus.length;
}

/** CPU time of this process so far, in milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Messages per CPU second for about `seconds` of CPU time, continuing through the corpus
 * from `from` (checking the clock every 1,000 messages). */
function rate(corpus: string[], seconds: number, fn: Fn, from = 0): { perSecond: number; next: number; done: number } {
  let i = from;
  let done = 0;
  let sink = 0;
  const started = cpuMs();
  let elapsed = 0;
  do {
    for (let k = 0; k < 1000; k++) {
      if (fn(corpus[i]!)) sink++;
      if (++i === corpus.length) i = 0;
    }
    done += 1000;
    elapsed = cpuMs() - started;
  } while (elapsed < seconds * 1000);
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return { perSecond: (done / elapsed) * 1000, next: i, done };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function profile(corpus: string[], seconds: number): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  rate(corpus, seconds, (t) => classifyMessage(t).customer);
  const { profile: cpuProfile } = await session.post("Profiler.stop");
  session.disconnect();
  const dir = path.join(ROOT, "bench", "profiles");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `classifier-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(cpuProfile));
  note(`profile of classifyMessage alone (${seconds} s): ${path.relative(ROOT, file)}`);
  spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "lib", "profileTop.ts"), file, "20"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

main(async () => {
  const count = intFlag("messages", 100_000);
  const seconds = intFlag("seconds", 5);
  const rounds = Math.max(1, intFlag("rounds", 10));
  heading("Built-in classifier alone, one core");
  note(machine());
  const corpus = messages(count, 3);
  note(
    `${count.toLocaleString("en-US")} messages from ${TEMPLATE_COUNT} German/English templates, average ${Math.round(corpus.reduce((a, t) => a + t.length, 0) / corpus.length)} characters`,
  );

  const keyword = /kund|customer|client|user/i;
  const regexFn: Fn = (t) => keyword.test(t);
  const oursFn: Fn = (t) => classifyMessage(t).customer;
  const oldFn: Fn = (t) => keywordClassifyMessage(t).customer;
  const withTerms = createBuiltinClassifier({
    industry: "b2b",
    terms: Array.from({ length: 10_000 }, (_, k) => `Kontor ${k} Handel`),
  });
  const termsFn: Fn = (t) => withTerms.classifyMessage(t).customer;

  const shares = {
    ours: share(corpus, oursFn),
    old: share(corpus, oldFn),
    terms: share(corpus, termsFn),
    regex: share(corpus, regexFn),
  };

  // rounds of turns of 1,000 messages each, the order flipped every turn
  const per = seconds / rounds;
  const ours: number[] = [];
  const old: number[] = [];
  let atOurs = 0;
  let atOld = 0;
  for (let r = 0; r < rounds; r++) {
    let doneOurs = 0;
    let doneOld = 0;
    let msOurs = 0;
    let msOld = 0;
    for (let turn = 0; msOurs < per * 1000 || msOld < per * 1000; turn++) {
      const runOurs = () => {
        const t0 = cpuMs();
        for (let k = 0; k < 1000; k++) {
          oursFn(corpus[atOurs]!);
          if (++atOurs === corpus.length) atOurs = 0;
        }
        msOurs += cpuMs() - t0;
        doneOurs += 1000;
      };
      const runOld = () => {
        const t0 = cpuMs();
        for (let k = 0; k < 1000; k++) {
          oldFn(corpus[atOld]!);
          if (++atOld === corpus.length) atOld = 0;
        }
        msOld += cpuMs() - t0;
        doneOld += 1000;
      };
      if (turn % 2 === 0) {
        runOurs();
        runOld();
      } else {
        runOld();
        runOurs();
      }
    }
    ours.push((doneOurs / msOurs) * 1000);
    old.push((doneOld / msOld) * 1000);
  }
  const ratios = ours.map((x, r) => x / old[r]!);
  const oursRate = median(ours);
  const oldRate = median(old);
  const ratio = median(ratios);
  note(
    `rounds of ${per.toFixed(1)} CPU s, built-in / keyword classifier: ${ratios.map((x) => x.toFixed(2)).join(" · ")}`,
  );
  const terms = rate(corpus, seconds, termsFn).perSecond;
  const regex = rate(corpus, Math.min(seconds, 2), regexFn).perSecond;

  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  table([
    ["classifier", "messages/s", "µs/message", "share 'customer'"],
    ["classifyMessage (built-in), median of rounds", Math.round(oursRate), 1e6 / oursRate, pct(shares.ours)],
    ["built-in, b2b preset + 10,000 terms", Math.round(terms), 1e6 / terms, pct(shares.terms)],
    ["keyword classifier before #11 (baseline)", Math.round(oldRate), 1e6 / oldRate, pct(shares.old)],
    ["/kund|customer|client|user/i", Math.round(regex), 1e6 / regex, pct(shares.regex)],
    ["ratio built-in / keyword classifier", ratio, "", ""],
    ["ratio regex / built-in (slowdown)", regex / oursRate, "", ""],
  ]);
  // 100,000/s was asked for when the keyword classifier ran 78,600/s here; against a baseline
  // in the same run, that is 1.27 x — the target is set with room above it
  verdict(
    ratio >= 1.35,
    `built-in ≥ 1.35 × the keyword classifier in the same run (median of ${rounds} rounds: ${ratio.toFixed(2)} ×)`,
  );
  note(
    "the keyword regex also flags 'HTTP client', 'user table', 'Testkunde', 'customer_id' — the built-in classifier exists to avoid those",
  );
  result("classifier", {
    messages: count,
    builtinPerSecond: oursRate,
    withTermsPerSecond: terms,
    keywordClassifierPerSecond: oldRate,
    regexPerSecond: regex,
    ratioToKeywordClassifier: ratio,
    roundRatios: ratios,
    slowdown: regex / oursRate,
  });
  if (boolFlag("profile")) await profile(corpus, seconds);
});
