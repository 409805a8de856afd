// 5. Nudge fan-out: 10,000 leaders due in the same minute, delivered through a fake Slack that
// answers 10 % of chat.postMessage calls with HTTP 429 (Retry-After: 1). Ticks are driven with
// an injected clock that advances one minute per tick, as the real scheduler ticks, so waits
// cost no wall time. Asserts every leader got exactly one DM; prints the work time and the
// simulated elapsed time against the floor.
// Baseline: an ideal sender in the same run — the same WebClient settings, 8 in flight,
// re-sending the 429'd messages after exactly Retry-After.
// Targets (issue 15): work ≤ 3 × the ideal sender's work (its wall time less its Retry-After
// sleeps; ours less the time the wave sat idle waiting for a Retry-After, as each tick reports),
// and the last DM no later than 2 × the ideal sender's elapsed time + 5 s after the first tick.
// With --profile, the ticks (this process: the app runs in-process) are profiled and summed up
// by bench/lib/profileTop.ts; the fake Slack child writes its own profile as usual.
//   npm run bench -- nudges [--leaders 10000] [--rate-limit-share 0.1] [--database sqlite|postgresql] [--profile]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { LogLevel, WebClient } from "@slack/web-api";
import Database from "better-sqlite3";
import pg from "pg";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import {
  BOT_TOKEN,
  boolFlag,
  flag,
  fmt,
  heading,
  intFlag,
  machine,
  main,
  note,
  ROOT,
  result,
  SIGNING_SECRET,
  scratchPostgres,
  sleep,
  startFakeSlack,
  table,
  tempDir,
  verdict,
} from "./lib/common.js";

const START = "2026-11-23T08:00:30.000Z"; // Monday 09:00:30 in Europe/Berlin: everyone is due
const STAMP = "2026-01-05T08:00:00.000+00:00";
const CONCURRENCY = 8;

async function idealSender(
  apiUrl: string,
  leaders: number,
): Promise<{ wallMs: number; rounds: number; waitedMs: number }> {
  const client = new WebClient(BOT_TOKEN, {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  let todo = Array.from({ length: leaders }, (_, i) => `U${String(i).padStart(8, "0")}`);
  const started = performance.now();
  let rounds = 0;
  let waitedMs = 0;
  while (todo.length) {
    rounds++;
    const failed: string[] = [];
    let retryAfter = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < todo.length) {
          const channel = todo[next++]!;
          try {
            await client.chat.postMessage({ channel, text: "Kundennah: eine Frage für diese Woche" });
          } catch (error) {
            failed.push(channel);
            retryAfter = Math.max(retryAfter, ((error as { retryAfter?: number }).retryAfter ?? 1) * 1000);
          }
        }
      }),
    );
    todo = failed;
    if (todo.length) {
      await sleep(retryAfter);
      waitedMs += retryAfter;
    }
  }
  return { wallMs: performance.now() - started, rounds, waitedMs };
}

/** Profiles `work` in this process (where the app runs) and prints where the time went. */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!boolFlag("profile")) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    const dir = path.join(ROOT, "bench", "profiles");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    note(`profile of the ticks: ${path.relative(ROOT, file)}`);
    spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "lib", "profileTop.ts"), file, "25"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
}

main(async () => {
  const leaders = intFlag("leaders", 10_000);
  const share = Number(flag("rate-limit-share") ?? 0.1);
  const database = flag("database") ?? "sqlite";
  heading(
    `Nudge fan-out: ${fmt(leaders)} leaders due in the same minute, ${Math.round(share * 100)} % of posts answered 429`,
  );
  note(machine());
  const slack = await startFakeSlack({ rateLimitShare: share, retryAfter: 1 });

  // Baseline first, then the same fake (reset: same 429 sequence) for us.
  const ideal = await idealSender(slack.apiUrl, leaders);
  const idealStats = await slack.stats();
  await slack.reset();

  const dir = tempDir("nudges");
  const url = database === "postgresql" ? scratchPostgres("nudges") : `file:${dir}/kundennah.db`;
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: url,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "error",
  });
  let now = new Date(START);
  const app = await startApp(config, {
    logger: createLogger("error"),
    clock: () => new Date(now),
    startScheduler: false,
  });
  const workspace = await app.stores.workspaces.ensureWorkspace("slack", "T0001", app.core.defaults);

  // Leaders straight into the Member table.
  const memberRows = Array.from({ length: leaders }, (_, i) => [
    `mbench${String(i).padStart(8, "0")}`,
    workspace.id,
    `U${String(i).padStart(8, "0")}`,
    `Leader ${i}`,
  ]);
  let countSent: () => Promise<number>;
  let closeDb: () => Promise<void>;
  const seed0 = performance.now();
  if (database === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (let i = 0; i < memberRows.length; i += 1000) {
      const chunk = memberRows.slice(i, i + 1000);
      const values = chunk
        .map(
          (_, j) =>
            `($${j * 4 + 1},$${j * 4 + 2},$${j * 4 + 3},$${j * 4 + 4},'Europe/Berlin','de',true,'${STAMP}','${STAMP}','${STAMP}')`,
        )
        .join(",");
      await client.query(
        `INSERT INTO "Member" ("id","workspaceId","externalId","displayName","timezone","language","isLeader","leaderSince","createdAt","updatedAt") VALUES ${values}`,
        chunk.flat(),
      );
    }
    countSent = async () =>
      Number((await client.query(`SELECT COUNT(*) AS n FROM "Nudge" WHERE "status" = 'sent'`)).rows[0].n);
    closeDb = () => client.end();
  } else {
    const raw = new Database(`${dir}/kundennah.db`, { timeout: 10_000 });
    const insert = raw.prepare(
      `INSERT INTO "Member" ("id","workspaceId","externalId","displayName","timezone","language","isLeader","leaderSince","createdAt","updatedAt") VALUES (?,?,?,?,'Europe/Berlin','de',1,'${STAMP}','${STAMP}','${STAMP}')`,
    );
    raw.transaction(() => {
      for (const r of memberRows) insert.run(...r);
    })();
    countSent = async () =>
      (raw.prepare(`SELECT COUNT(*) AS n FROM "Nudge" WHERE "status" = 'sent'`).get() as { n: number }).n;
    closeDb = async () => void raw.close();
  }
  note(`${fmt(leaders)} leaders seeded in ${((performance.now() - seed0) / 1000).toFixed(1)} s (${database})`);

  const ticks: { at: string; ms: number; waitedMs: number; sent: number; retrying: number; failed: number }[] = [];
  let lastSentAt = now;
  let lastSendingTickMs = 0;
  await profiled("nudges", async () => {
    for (let i = 0; i < 240; i++) {
      const t0 = performance.now();
      const report = await app.core.tick();
      const ms = performance.now() - t0;
      ticks.push({
        at: now.toISOString().slice(11, 19),
        ms,
        waitedMs: report.nudgeWaitMs ?? 0,
        sent: report.sent ?? 0,
        retrying: report.retrying ?? 0,
        failed: report.failed ?? 0,
      });
      if ((report.sent ?? 0) > 0) {
        lastSentAt = now;
        lastSendingTickMs = ms;
      }
      if ((await countSent()) >= leaders || (report.failed ?? 0) > 0) break;
      now = new Date(now.getTime() + 60_000);
    }
  });
  const wallMs = ticks.reduce((a, t) => a + t.ms, 0);
  const waitedMs = ticks.reduce((a, t) => a + t.waitedMs, 0);
  const workMs = wallMs - waitedMs;
  const simulatedS = (lastSentAt.getTime() - new Date(START).getTime()) / 1000;
  // The last DM went out during the tick that sent it: count that whole tick (an upper bound).
  const elapsedS = simulatedS + lastSendingTickMs / 1000;
  const sent = await countSent();
  const stats = await slack.stats(true);
  const perChannel = Object.values(stats.channels ?? {});
  const twice = perChannel.filter((n) => n > 1).length;
  const delivered = perChannel.length;
  await closeDb();
  await app.stop();

  console.log("\n  ticks (clock advanced one minute per tick, as the scheduler ticks):");
  table([
    ["tick at (UTC)", "wall ms", "of it waiting for Retry-After", "sent", "retrying", "failed"],
    ...ticks.map((t) => [t.at, t.ms, t.waitedMs, t.sent, t.retrying, t.failed]),
  ]);
  const idealChain = ideal.rounds - 1;
  const idealWorkMs = ideal.wallMs - ideal.waitedMs;
  table([
    ["sender", "DMs", "429s", "wall s", "waiting s", "work s", "DMs/s of work", "last DM after start s"],
    [
      "kundennah (ticks)",
      delivered,
      stats.rateLimited,
      wallMs / 1000,
      waitedMs / 1000,
      workMs / 1000,
      (delivered / workMs) * 1000,
      `${fmt(elapsedS)} (${fmt(simulatedS)} simulated + that tick)`,
    ],
    [
      "ideal sender (baseline)",
      Object.keys(idealStats.calls).length ? leaders : 0,
      idealStats.rateLimited,
      ideal.wallMs / 1000,
      ideal.waitedMs / 1000,
      idealWorkMs / 1000,
      (leaders / idealWorkMs) * 1000,
      ideal.wallMs / 1000,
    ],
  ]);
  const workRatio = workMs / idealWorkMs;
  const elapsedLimitS = (2 * ideal.wallMs) / 1000 + 5;
  console.log("\n  issue 15:");
  table([
    ["what", "ours", "ideal (same run)", "ratio", "target", "met"],
    [
      `nudge wave, ${fmt(leaders)} leaders, ${Math.round(share * 100)} % answered 429: work`,
      `${fmt(workMs / 1000)} s`,
      `${fmt(idealWorkMs / 1000)} s`,
      workRatio,
      "≤ 3",
      workRatio <= 3 ? "yes" : "no",
    ],
    [
      "same: last DM after the first tick",
      `${fmt(elapsedS)} s`,
      `${fmt(ideal.wallMs / 1000)} s`,
      elapsedS / (ideal.wallMs / 1000),
      `≤ 2 × ideal + 5 s = ${fmt(elapsedLimitS)} s`,
      elapsedS <= elapsedLimitS ? "yes" : "no",
    ],
  ]);
  note(
    `rate-limit floor: each leader is its own DM channel, so Slack's ~1 msg/s per channel never binds; the floor is the longest chain of consecutive 429s ` +
      `(${idealChain} here) × Retry-After (1 s) = ${idealChain} s of waiting, plus the sending work itself (${((ideal.wallMs - ideal.waitedMs) / 1000).toFixed(1)} s for the ideal sender at ${CONCURRENCY} in flight)`,
  );
  note(
    `ours: the last DM went out in the tick at +${fmt(simulatedS)} s (simulated), ${fmt(lastSendingTickMs / 1000)} s into that tick at the latest`,
  );
  const allOnce = delivered === leaders && twice === 0 && sent === leaders;
  verdict(workRatio <= 3, `work ${fmt(workRatio)} × the ideal sender's (target ≤ 3)`);
  verdict(
    elapsedS <= elapsedLimitS,
    `last DM ${fmt(elapsedS)} s after the first tick (target ≤ 2 × ${fmt(ideal.wallMs / 1000)} s + 5 s)`,
  );
  verdict(
    allOnce,
    `${fmt(delivered)} of ${fmt(leaders)} leaders got a DM, ${twice} got more than one, ${fmt(sent)} nudges recorded as sent`,
  );
  if (!allOnce) process.exitCode = 1;
  result("nudges", {
    leaders,
    delivered,
    twice,
    rateLimited: stats.rateLimited,
    wallS: wallMs / 1000,
    waitedS: waitedMs / 1000,
    workS: workMs / 1000,
    workRatio,
    simulatedS,
    elapsedS,
    ticks: ticks.length,
    idealWorkS: (ideal.wallMs - ideal.waitedMs) / 1000,
    idealElapsedS: ideal.wallMs / 1000,
    idealChain,
  });
});
