// `npm run bench` runs every benchmark, each in its own process, one after the other;
// `npm run bench -- <name> [<name>…] [--flags]` runs some. Flags go to every benchmark
// (see the header of each file); BENCH_<FLAG> environment variables work too.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/common.js";

const BENCHMARKS: Record<string, string> = {
  classifier: "3. built-in classifier alone, messages/s on one core",
  ack: "1. ack latency of signed /cx-me at concurrency 50 vs bare Bolt",
  ingest: "2. message events/s end to end over HTTP, SQLite and PostgreSQL",
  digest: "4. digest computation at 1M, 2M, 5M signals (10M with --sizes 1M,2M,5M,10M)",
  nudges: "5. nudge fan-out to 10,000 leaders with 10 % 429s",
  memory: "6. RSS idle and with 10,000 leaders and 1M signals",
  charts: "7. digest trend chart, Vega-Lite spec to PNG, vs vega and resvg alone",
};

const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--") && !args[i - 1]!.includes("=")));
const flags = args.filter((a) => !names.includes(a));
if (names.includes("help") || names.includes("list")) {
  for (const [name, what] of Object.entries(BENCHMARKS)) console.log(`${name.padEnd(11)} ${what}`);
  process.exit(0);
}
const unknown = names.filter((n) => !(n in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
const chosen = names.length ? names : Object.keys(BENCHMARKS);
const started = Date.now();
const failed: string[] = [];
for (const name of chosen) {
  const t0 = Date.now();
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", `${name}.ts`), ...flags], { cwd: ROOT, stdio: "inherit" });
  console.log(`  (${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (res.status !== 0) failed.push(name);
}
console.log(`\nbenchmarks finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; FAILED: ${failed.join(", ")}` : ""}`);
process.exit(failed.length ? 1 : 0);
