// `npm run bench` runs every benchmark, each in its own process, one after the other;
// `npm run bench -- <name> [<name>…] [--flags]` runs some. Flags go to every benchmark
// (see the header of each file); BENCH_<FLAG> environment variables work too.
// `npm run bench -- --help` lists them. An unknown flag is refused before anything starts,
// since a typo would otherwise cost a full ten-minute run with the defaults.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/common.js";

interface Benchmark {
  what: string;
  /** Flag → what it sets, with its default. */
  flags: Record<string, string>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  classifier: {
    what: "3. built-in classifier alone, messages/s on one core, vs the keyword classifier before #11",
    flags: {
      messages: "messages in the corpus (100000)",
      seconds: "seconds per classifier (5)",
      rounds: "rounds of alternating turns, built-in vs keyword classifier (10)",
    },
  },
  ack: {
    what: "1. ack latency of signed /cx-me at concurrency 50 vs bare Bolt, 5 interleaved rounds",
    flags: {
      requests: "requests per round (5000)",
      concurrency: "requests in flight (50)",
      warmup: "warm-up requests (1000)",
      rounds: "interleaved rounds, each with its own ratio (5)",
      rate: "requests/s of the paced phase (100)",
      "paced-seconds": "length of the paced phase (10)",
    },
  },
  ingest: {
    what: "2. message events/s end to end over HTTP, SQLite and PostgreSQL",
    flags: {
      events: "events sent (10000)",
      concurrency: "requests in flight (50)",
      warmup: "warm-up events (500)",
      databases: "sqlite,postgresql (both)",
      "timeout-seconds": "how long to wait for the last signal (300)",
    },
  },
  digest: {
    what: "4. digest computation at 1M, 2M, 5M signals (10M with --sizes 1M,2M,5M,10M)",
    flags: {
      sizes: "SQLite sizes (1M,2M,5M)",
      "pg-sizes": "PostgreSQL sizes (1M,2M)",
      databases: "sqlite,postgresql (both)",
      repeats: "reports per size (3)",
    },
  },
  nudges: {
    what: "5. nudge fan-out to 10,000 leaders with 10 % 429s",
    flags: {
      leaders: "leaders due (10000)",
      "rate-limit-share": "share of posts answered 429 (0.1)",
      database: "sqlite or postgresql (sqlite)",
    },
  },
  memory: {
    what: "6. RSS idle and with 10,000 leaders and 1M signals",
    flags: {
      leaders: "leaders (10000)",
      signals: "presence signals (1M)",
      "settle-seconds": "wait before each reading (5)",
    },
  },
  vocabulary: {
    what: "8. workspace vocabulary: classifier build for 1k-20k terms vs per-message cost, cached",
    flags: {
      sizes: "vocabulary sizes (1000,10000,20000)",
      builds: "builds per size (5)",
      messages: "messages classified per size (20000)",
    },
  },
  charts: {
    what: "7. digest trend chart, Vega-Lite spec to PNG, vs vega and resvg alone",
    flags: { renders: "renders measured after 3 warm-ups (40)" },
  },
  dashboard: {
    what: "8. dashboard page with 1,000 channels and 1M signals over 26 weeks, and its chart",
    flags: {
      signals: "presence signals (1M)",
      requests: "requests per page after 3 warm-ups (40)",
      database: "sqlite or postgresql (sqlite)",
    },
  },
};
/** Flags every benchmark understands (bench/lib/common.ts). */
const COMMON_FLAGS: Record<string, string> = {
  profile: "server processes write V8 CPU profiles to bench/profiles/ (classifier: its own run)",
};

function help(): string {
  const lines = [
    "usage: npm run bench [-- <name>…] [--flag value …]",
    "",
    "Runs the named benchmarks (all six when none is named), each in its own process; all six",
    "take about ten minutes here. Flags go to every benchmark that knows them; each can also",
    "be given as an environment variable (BENCH_PACED_SECONDS=5 is --paced-seconds 5).",
    "BENCH_POSTGRES_URL sets the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/test).",
    "",
  ];
  for (const [name, { what, flags }] of Object.entries(BENCHMARKS)) {
    lines.push(`${name.padEnd(11)} ${what}`);
    for (const [flag, meaning] of Object.entries(flags)) lines.push(`    --${flag.padEnd(17)} ${meaning}`);
  }
  lines.push("", "every benchmark:");
  for (const [flag, meaning] of Object.entries(COMMON_FLAGS)) lines.push(`    --${flag.padEnd(17)} ${meaning}`);
  lines.push("", "Figures and what dominates the cost: docs/performance.md");
  return lines.join("\n");
}

const args = process.argv.slice(2);
if (args.some((a) => a === "--help" || a === "-h" || a === "help" || a === "list")) {
  console.log(help());
  process.exit(0);
}
const names = args.filter(
  (a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--") && !args[i - 1]!.includes("=")),
);
const flags = args.filter((a) => !names.includes(a));
const unknown = names.filter((n) => !(n in BENCHMARKS));
if (unknown.length) {
  console.error(
    `unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")} (npm run bench -- --help)`,
  );
  process.exit(2);
}
const chosen = names.length ? names : Object.keys(BENCHMARKS);
const knownFlags = new Set([
  ...Object.keys(COMMON_FLAGS),
  ...chosen.flatMap((name) => Object.keys(BENCHMARKS[name]!.flags)),
]);
const unknownFlags = flags
  .filter((f) => f.startsWith("--"))
  .map((f) => f.slice(2).split("=")[0]!)
  .filter((f) => !knownFlags.has(f));
if (unknownFlags.length) {
  console.error(
    `unknown flag(s) for ${chosen.join(", ")}: ${unknownFlags.map((f) => `--${f}`).join(", ")} (npm run bench -- --help)`,
  );
  process.exit(2);
}
const started = Date.now();
const failed: string[] = [];
for (const name of chosen) {
  const t0 = Date.now();
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", `${name}.ts`), ...flags], {
    cwd: ROOT,
    stdio: "inherit",
  });
  console.log(`  (${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (res.status !== 0) failed.push(name);
}
console.log(
  `\nbenchmarks finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; FAILED: ${failed.join(", ")}` : ""}`,
);
process.exit(failed.length ? 1 : 0);
