// 2. Ingestion: signed Slack `message` events (event_callback JSON, unique event_id, channel
// messages in German and English from several authors) per second, end to end over HTTP:
// signature check, dedupe, classification, signal write. A channel message is answered once its
// signal is stored (so that Slack retries what could not be); the clock stops when the last
// PresenceSignal row is in the database.
// Baseline: the same requests against a bare Bolt app (acks only), in the same run. Targets
// (issue 15), as a share of bare Bolt's rate: SQLite ≥ 0.80, PostgreSQL ≥ 0.65.
//   npm run bench -- ingest [--events 10000] [--concurrency 50] [--warmup 500] [--databases sqlite,postgresql]
// 1 % of the events are sent twice with the same event_id (Slack's retries): they must not count.
import http from "node:http";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { JSON_TYPE, sign } from "../tests/helpers/slackRequests.js";
import {
  BOT_TOKEN,
  cpuMsOf,
  flag,
  heading,
  intFlag,
  machine,
  main,
  note,
  type PreparedRequest,
  postgresAvailable,
  result,
  runLoad,
  SIGNING_SECRET,
  scratchPostgres,
  startChild,
  startFakeSlack,
  summarize,
  TEAM_ID,
  table,
  tempDir,
  verdict,
} from "./lib/common.js";
import { messages } from "./lib/corpus.js";

/** Issue 15: events/s end to end as a share of bare Bolt's acks/s in the same run. */
const TARGETS: Record<string, number> = { sqlite: 0.8, postgresql: 0.65 };

const CHANNELS = 50;
const AUTHORS = 40;

let seq = 0;
const texts = messages(20_000, 11);

function messageEvent(i: number): { body: string; eventId: string } {
  const n = seq++;
  const ts = `${1_763_000_000 + n}.${String(n % 1_000_000).padStart(6, "0")}`;
  const channel = `C${String(n % CHANNELS).padStart(8, "0")}`;
  const user = `U${String((n * 7) % AUTHORS).padStart(8, "0")}`;
  const eventId = `Ev${String(n).padStart(10, "0")}`;
  const body = JSON.stringify({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0KUNDENNAH",
    event: {
      type: "message",
      channel,
      channel_type: "channel",
      user,
      text: texts[i % texts.length],
      ts,
      event_ts: ts,
      team: TEAM_ID,
    },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Number(ts)),
    authorizations: [{ team_id: TEAM_ID, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
  return { body, eventId };
}

/** `count` unique events plus `dupShare` of them again (same body and event id, retry headers). */
function events(count: number, dupShare: number): PreparedRequest[] {
  const out: PreparedRequest[] = [];
  const dups: PreparedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const { body } = messageEvent(i);
    out.push(sign(body, JSON_TYPE, { secret: SIGNING_SECRET }));
    if (dupShare > 0 && i % Math.round(1 / dupShare) === 0) {
      const retry = sign(body, JSON_TYPE, { secret: SIGNING_SECRET });
      dups.push({
        body: retry.body,
        headers: { ...retry.headers, "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
    }
  }
  // Retries arrive a little later than their originals.
  const merged: PreparedRequest[] = [];
  const step = Math.max(1, Math.floor(out.length / Math.max(1, dups.length)));
  for (let i = 0, d = 0; i < out.length; i++) {
    merged.push(out[i]!);
    if (i % step === step - 1 && d < dups.length) merged.push(dups[d++]!);
  }
  return merged;
}

interface Counter {
  count(): Promise<number>;
  close(): Promise<void>;
}

function sqliteCounter(file: string): Counter {
  let db: Database.Database | null = null;
  return {
    count: async () => {
      db ??= new Database(file, { readonly: true, fileMustExist: true });
      return (db.prepare(`SELECT COUNT(*) AS n FROM "PresenceSignal"`).get() as { n: number }).n;
    },
    close: async () => void db?.close(),
  };
}

async function postgresCounter(url: string): Promise<Counter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    count: async () => Number((await client.query(`SELECT COUNT(*) AS n FROM "PresenceSignal"`)).rows[0].n),
    close: () => client.end(),
  };
}

main(async () => {
  const total = intFlag("events", 10_000);
  const concurrency = intFlag("concurrency", 50);
  const warmup = intFlag("warmup", 500);
  const databases = (flag("databases") ?? "sqlite,postgresql").split(",");
  heading(`Ingestion: ${total.toLocaleString("en-US")} message events at concurrency ${concurrency}`);
  note(machine());
  const slack = await startFakeSlack();
  const env = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    LOG_LEVEL: "info",
  };

  // Baseline first: a bare Bolt app acking the same kind of requests.
  const bare = await startChild("bench/servers/bareBolt.mjs", env, { plain: true });
  const bareAgent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  await runLoad(`${bare.url}/slack/events`, events(warmup, 0), concurrency, bareAgent);
  const bareCpuBefore = cpuMsOf(bare.pid);
  const bareRun = await runLoad(`${bare.url}/slack/events`, events(total, 0.01), concurrency, bareAgent);
  const bareCpuMs = (cpuMsOf(bare.pid) - bareCpuBefore) / bareRun.latencies.length;
  if (bareRun.errors) throw new Error(`bare Bolt: ${bareRun.errors} failed (${bareRun.firstError})`);
  const bareRate = (bareRun.latencies.length / bareRun.elapsedMs) * 1000;
  await bare.stop();

  const rows: (string | number)[][] = [
    [
      "server / database",
      "events",
      "acked in s",
      "ack p99 ms",
      "all stored in s",
      "events/s",
      "vs bare Bolt",
      "target",
    ],
  ];
  rows.push([
    "bare Bolt (ack only)",
    bareRun.latencies.length,
    bareRun.elapsedMs / 1000,
    summarize(bareRun.latencies).p99,
    "-",
    bareRate,
    "1.00",
    "-",
  ]);
  const figures: Record<string, unknown> = { events: total, concurrency, bareRate, bareCpuMsPerRequest: bareCpuMs };

  for (const database of databases) {
    if (database === "postgresql" && !postgresAvailable()) {
      note("PostgreSQL is not reachable: skipped");
      continue;
    }
    const dir = tempDir(`ingest-${database}`);
    const url = database === "sqlite" ? `file:${dir}/kundennah.db` : scratchPostgres("ingest");
    const ours = await startChild("bench/servers/kundennah.ts", { ...env, DATABASE_URL: url });
    const counter = database === "sqlite" ? sqliteCounter(`${dir}/kundennah.db`) : await postgresCounter(url);
    let agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const waitForRows = async (expected: number, timeoutMs: number) => {
      const started = performance.now();
      for (;;) {
        const n = await counter.count();
        if (n >= expected) return n;
        if (performance.now() - started > timeoutMs) return n;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    // Warm-up: JIT, prepared statements, the channels' first sighting (trackChannel), caches. A
    // cold process may answer the first burst of new channels with 503 after 2.5 s (Slack would
    // deliver those again); they are stored all the same, which waitForRows checks.
    const warm = await runLoad(`${ours.url}/slack/events`, events(warmup, 0), concurrency, agent);
    if (warm.errors) note(`${database}: ${warm.errors} warm-up requests answered ${warm.firstError}`);
    await waitForRows(warmup, 120_000);
    // Fresh connections for the measured run: the server closes keep-alive sockets idle for 5 s,
    // and on a loaded machine the wait above can take that long; reusing one the server is
    // closing fails with "socket hang up".
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

    const timeoutMs = intFlag("timeout-seconds", 300) * 1000;
    const t0 = performance.now();
    const cpuBefore = cpuMsOf(ours.pid);
    const sent = events(total, 0.01);
    const run = await runLoad(`${ours.url}/slack/events`, sent, concurrency, agent);
    // What was answered 503 (not stored within Slack's 3 s) is delivered again, as Slack does:
    // same body, a retry header; it counts in the time, and must not be counted twice.
    let retried = 0;
    for (let attempt = 1, again = run.unanswered; again.length > 0 && attempt <= 3; attempt++) {
      retried += again.length;
      const retries = again.map((i) => ({
        body: sent[i]!.body,
        headers: { ...sent[i]!.headers, "x-slack-retry-num": String(attempt), "x-slack-retry-reason": "http_error" },
      }));
      const res = await runLoad(`${ours.url}/slack/events`, retries, concurrency, agent);
      run.errors -= again.length - res.errors;
      again = res.unanswered.map((i) => again[i]!);
    }
    const ackedMs = performance.now() - t0;
    if (run.errors) throw new Error(`${database}: ${run.errors} failed (${run.firstError})`);
    if (retried) note(`${database}: ${retried} deliveries answered 503 (not stored within 2.5 s) were sent again`);
    const stored = (await waitForRows(warmup + total, timeoutMs)) - warmup;
    const doneMs = performance.now() - t0;
    const cpuMs = (cpuMsOf(ours.pid) - cpuBefore) / run.latencies.length;
    // Give stragglers a moment, then check that retried events were not counted twice.
    await new Promise((r) => setTimeout(r, 500));
    const final = (await counter.count()) - warmup;
    const rate = (stored / doneMs) * 1000;
    rows.push([
      `kundennah, ${database}`,
      run.latencies.length,
      ackedMs / 1000,
      summarize(run.latencies).p99,
      doneMs / 1000,
      rate,
      (rate / bareRate).toFixed(2),
      `≥ ${(TARGETS[database] ?? 0).toFixed(2)}`,
    ]);
    if (stored < total)
      note(`${database}: only ${stored} of ${total} signals after ${timeoutMs / 1000} s — the rate shown is for those`);
    if (final !== total)
      note(`${database}: ${final} signals for ${total} unique events (duplicates counted twice or events lost!)`);
    else
      note(
        `${database}: ${final} signals for ${total} unique events + ${run.latencies.length - total} retried deliveries: dedupe holds`,
      );
    note(
      `${database}: ${Math.round(rate)} events/s end to end, ${(rate / bareRate).toFixed(2)} × bare Bolt; server CPU ${cpuMs.toFixed(2)} ms per request (bare Bolt ${bareCpuMs.toFixed(2)} ms)`,
    );
    figures[`${database}CpuMsPerRequest`] = cpuMs;
    figures[`${database}Retried`] = retried;
    figures[`${database}Rate`] = rate;
    figures[`${database}AckedS`] = ackedMs / 1000;
    figures[`${database}StoredS`] = doneMs / 1000;
    await counter.close();
    agent.destroy();
    await ours.stop();
  }
  table(rows);
  for (const database of databases) {
    const rate = figures[`${database}Rate`];
    if (typeof rate !== "number") continue;
    const target = TARGETS[database] ?? 0;
    figures[`${database}Ratio`] = rate / bareRate;
    verdict(
      rate / bareRate >= target,
      `${database}: ${Math.round(rate)} events/s end to end, ${(rate / bareRate).toFixed(2)} × bare Bolt's ${Math.round(bareRate)} acks/s (target ≥ ${target.toFixed(2)})`,
    );
  }
  result("ingest", figures);
});
