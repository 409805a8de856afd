// Shared helpers for the benchmarks: flags, statistics, child-process servers, an HTTP load
// generator, PostgreSQL scratch databases and RSS readings. Nothing here asserts on time.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SIGNING_SECRET = "8f742231b10e8888abcd9900fedc85a5";
export const BOT_TOKEN = "xoxb-bench-token";
export const TEAM_ID = "T0001";
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

// ---------------------------------------------------------------------------------------
// Flags: --name=value or --name value; every flag can also be given as BENCH_NAME=value.
// ---------------------------------------------------------------------------------------

const argv = process.argv.slice(2);

export function flag(name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1] && !argv[i + 1]!.startsWith("--") ? argv[i + 1] : "true";
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
}

export function intFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = parseSize(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: expected a positive number, got "${raw}"`);
  return value;
}

export function boolFlag(name: string): boolean {
  const raw = flag(name);
  return raw !== undefined && raw !== "false" && raw !== "0";
}

/** "1M" → 1_000_000, "500k" → 500_000, "2500" → 2500. */
export function parseSize(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(raw.trim());
  if (!m) return NaN;
  const mult = m[2]!.toLowerCase() === "m" ? 1_000_000 : m[2]!.toLowerCase() === "k" ? 1_000 : 1;
  return Math.round(Number(m[1]) * mult);
}

export function listFlag(name: string, fallback: number[]): number[] {
  const raw = flag(name);
  if (!raw) return fallback;
  return raw.split(",").map((s) => {
    const v = parseSize(s);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name}: bad size "${s}"`);
    return v;
  });
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

export function heading(title: string): void {
  console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 76 - title.length))}`);
}

export function note(text: string): void {
  console.log(`  · ${text}`);
}

export function table(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? fmt(c) : c)));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  for (const [n, r] of cells.entries()) {
    console.log(`  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`);
    if (n === 0) console.log(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  }
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) >= 1000) return n.toLocaleString("en-US");
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function verdict(ok: boolean, text: string): void {
  console.log(`  ${ok ? "TARGET MET   " : "TARGET MISSED"} ${text}`);
}

/** One machine-readable line per figure, for docs/performance.md and CI diffs. */
export function result(bench: string, figures: Record<string, unknown>): void {
  console.log(`RESULT ${JSON.stringify({ bench, ...figures })}`);
}

// ---------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** Median CPU time of this process per run: what the work costs when it has a core to itself. */
  cpuP50: number;
}

/** Runs `fn` `count` times after `warmup` untimed runs; wall-clock percentiles and median CPU time, in ms. */
export async function timeRuns(count: number, fn: () => Promise<unknown>, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1]!,
    cpuP50: percentile(cpu, 50),
  };
}

export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitUntil(
  probe: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  everyMs = 20,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------
// Temp dirs, ports
// ---------------------------------------------------------------------------------------

const cleanups: (() => void | Promise<void>)[] = [];

export function onCleanup(fn: () => void | Promise<void>): void {
  cleanups.push(fn);
}

export async function cleanup(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error("cleanup:", (error as Error).message);
    }
  }
}

/** Runs a benchmark's main, always cleaning up (child processes, temp dirs, databases). */
export function main(fn: () => Promise<void>): void {
  const stop = async (code: number) => {
    await cleanup();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  fn().then(
    () => stop(0),
    (error: Error) => {
      console.error(`benchmark failed: ${error.stack ?? error.message}`);
      void stop(1);
    },
  );
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kundennah-bench-${prefix}-`));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------

export interface Child {
  process: ChildProcess;
  pid: number;
  url: string;
  /** Extra data the child sent with its ready message. */
  info: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `script` (TypeScript through tsx unless `plain`) in its own process. The child sends
 * {type: "ready", url} over IPC when it listens.
 */
export async function startChild(
  script: string,
  env: Record<string, string>,
  options: { plain?: boolean; stdout?: boolean; nodeArgs?: string[] } = {},
): Promise<Child> {
  const args = [...(options.nodeArgs ?? profileArgs()), ...(options.plain ? [script] : ["--import", "tsx", script])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", options.stdout ? "inherit" : "ignore", "inherit", "ipc"],
  });
  const ready = await new Promise<{ url: string } & Record<string, unknown>>((resolve, reject) => {
    // Compiling the app through tsx takes seconds on a quiet machine, minutes on a loaded one.
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 180 s`)), 180_000);
    child.on("message", (m: { type?: string; url?: string }) => {
      if (m?.type === "ready") {
        clearTimeout(timer);
        resolve(m as { url: string });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
  });
  let stopped = false;
  const stop = async () => {
    if (stopped || child.exitCode !== null || child.signalCode !== null) return;
    stopped = true;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(stop);
  return { process: child, pid: child.pid!, url: ready.url, info: ready, stop };
}

/** With --profile, server children write V8 CPU profiles (.cpuprofile) into bench/profiles/. */
function profileArgs(): string[] {
  return boolFlag("profile") ? ["--cpu-prof", "--cpu-prof-dir", path.join(ROOT, "bench", "profiles")] : [];
}

/** The child's side of startChild. */
export function ready(url: string, info: Record<string, unknown> = {}): void {
  process.send?.({ type: "ready", url, ...info });
}

// ---------------------------------------------------------------------------------------
// Fake Slack (in its own process, see fakeSlackProcess.ts)
// ---------------------------------------------------------------------------------------

export interface FakeStats {
  calls: Record<string, number>;
  rateLimited: number;
  responses: number;
  /** Successful chat.postMessage per channel, only when asked with ?channels=1. */
  channels?: Record<string, number>;
}

export async function startFakeSlack(options: { rateLimitShare?: number; retryAfter?: number } = {}) {
  const child = await startChild("bench/lib/fakeSlackProcess.ts", {
    FAKE_RATE_LIMIT_SHARE: String(options.rateLimitShare ?? 0),
    FAKE_RETRY_AFTER: String(options.retryAfter ?? 1),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const get = async (p: string) =>
    JSON.parse((await request(child.url + p, { method: "GET", agent })).body) as FakeStats;
  return {
    ...child,
    apiUrl: `${child.url}/api/`,
    responseUrl: (name: string) => `${child.url}/response/${name}`,
    stats: (channels = false) => get(`/__stats${channels ? "?channels=1" : ""}`),
    reset: () => get("/__reset"),
  };
}

// ---------------------------------------------------------------------------------------
// HTTP load generation
// ---------------------------------------------------------------------------------------

export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

export function request(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
): Promise<{ status: number; body: string }> {
  return requestOnce(url, options).catch((error: Error & { reusedSocket?: boolean }) => {
    // A keep-alive socket the server closed (idle for 5 s) just as this request went out on it:
    // the request never reached the server, so it is sent again (as Node's documentation advises).
    if (error.reusedSocket) return requestOnce(url, options);
    throw error;
  });
}

function requestOnce(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", (error: Error & { code?: string; reusedSocket?: boolean }) => {
      if (req.reusedSocket && error.code === "ECONNRESET") error.reusedSocket = true;
      reject(error);
    });
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

export interface LoadResult {
  /** Per-request latency in ms, in completion order. */
  latencies: number[];
  errors: number;
  statuses: Record<number, number>;
  elapsedMs: number;
  firstError?: string;
  /** The requests answered 503 (or not at all), by index: what Slack would deliver again. */
  unanswered: number[];
}

/** Sends every request once, `concurrency` at a time over keep-alive connections. */
export async function runLoad(
  url: string,
  requests: PreparedRequest[],
  concurrency: number,
  sharedAgent?: http.Agent,
): Promise<LoadResult> {
  const agent =
    sharedAgent ?? new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const unanswered: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < requests.length) {
      const index = next++;
      const r = requests[index]!;
      const t0 = performance.now();
      try {
        const res = await request(url, {
          method: "POST",
          headers: { ...r.headers, "content-length": String(Buffer.byteLength(r.body)) },
          body: r.body,
          agent,
        });
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== 200) {
          errors++;
          firstError ??= `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
          if (res.status === 503) unanswered.push(index);
        }
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
        unanswered.push(index);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsedMs = performance.now() - started;
  if (!sharedAgent) agent.destroy();
  return { latencies, errors, statuses, elapsedMs, unanswered, ...(firstError ? { firstError } : {}) };
}

/**
 * Open-loop variant: request i is sent at start + i / rate (as Slack sends: independent of our
 * answers), with at most `maxInFlight` outstanding. Latency counts from the scheduled send time,
 * so a server that falls behind is not flattered by the generator waiting for it.
 */
export async function runPaced(
  url: string,
  requests: PreparedRequest[],
  rate: number,
  maxInFlight: number,
  agent: http.Agent,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i++) {
    const due = started + (i * 1000) / rate;
    while (performance.now() < due || inFlight >= maxInFlight)
      await sleep(Math.max(0, Math.min(5, due - performance.now())));
    const r = requests[i]!;
    inFlight++;
    pending.push(
      request(url, {
        method: "POST",
        headers: { ...r.headers, "content-length": String(Buffer.byteLength(r.body)) },
        body: r.body,
        agent,
      })
        .then((res) => {
          latencies.push(performance.now() - due);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status !== 200) {
            errors++;
            firstError ??= `HTTP ${res.status}`;
          }
        })
        .catch((error: Error) => {
          errors++;
          firstError ??= error.message;
        })
        .finally(() => inFlight--),
    );
  }
  await Promise.all(pending);
  return {
    latencies,
    errors,
    statuses,
    elapsedMs: performance.now() - started,
    unanswered: [],
    ...(firstError ? { firstError } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// PostgreSQL scratch databases
// ---------------------------------------------------------------------------------------

export function psql(url: string, sql: string): string {
  return execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function postgresAvailable(): boolean {
  try {
    psql(POSTGRES_URL, "SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** Creates kntest_bench_<label>_<pid> and drops it at cleanup. Returns its URL. */
export function scratchPostgres(label: string): string {
  const name = `kntest_bench_${label}_${process.pid}`;
  psql(POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql(POSTGRES_URL, `CREATE DATABASE ${name}`);
  onCleanup(() => void psql(POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const u = new URL(POSTGRES_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------

/** VmRSS and VmHWM (peak RSS) of a process in MB, from /proc. */
export function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (10 ms resolution).
 * Unlike latency, what a request costs in CPU hardly changes when other work shares the cores.
 */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
const CLOCK_TICKS_PER_SECOND = 100;

/** The process and all its descendants, with their command lines and RSS. */
export function processTree(pid: number): { pid: number; cmd: string; rss: number; peak: number }[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: { pid: number; cmd: string; rss: number; peak: number }[] = [];
  const visit = (p: number) => {
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      out.push({ pid: p, cmd, ...rssOf(p) });
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return out;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
