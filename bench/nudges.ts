// 5. Nudge fan-out: 10,000 leaders due in the same minute, delivered through a fake Slack that
// answers 10 % of chat.postMessage calls with HTTP 429 (Retry-After: 1). Ticks are driven with
// an injected clock that advances one minute per tick, as the real scheduler ticks, so waits
// cost no wall time. Asserts every leader got exactly one DM; prints the work time and the
// simulated elapsed time against the floor.
// Baseline: an ideal sender in the same run — the same WebClient settings, 8 in flight (our
// NudgeService default), re-sending the 429'd messages after exactly Retry-After.
//   npm run bench -- nudges [--leaders 10000] [--rate-limit-share 0.1] [--database sqlite|postgresql]
import { performance } from "node:perf_hooks";
import { LogLevel, WebClient } from "@slack/web-api";
import Database from "better-sqlite3";
import pg from "pg";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import {
  BOT_TOKEN,
  flag,
  fmt,
  heading,
  intFlag,
  machine,
  main,
  note,
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

  const ticks: { at: string; ms: number; sent: number; retrying: number; failed: number }[] = [];
  let lastSentAt = now;
  for (let i = 0; i < 240; i++) {
    const t0 = performance.now();
    const report = await app.core.tick();
    ticks.push({
      at: now.toISOString().slice(11, 19),
      ms: performance.now() - t0,
      sent: report.sent ?? 0,
      retrying: report.retrying ?? 0,
      failed: report.failed ?? 0,
    });
    if ((report.sent ?? 0) > 0) lastSentAt = now;
    if ((await countSent()) >= leaders || (report.failed ?? 0) > 0) break;
    now = new Date(now.getTime() + 60_000);
  }
  const wallMs = ticks.reduce((a, t) => a + t.ms, 0);
  const simulatedS = (lastSentAt.getTime() - new Date(START).getTime()) / 1000;
  const sent = await countSent();
  const stats = await slack.stats(true);
  const perChannel = Object.values(stats.channels ?? {});
  const twice = perChannel.filter((n) => n > 1).length;
  const delivered = perChannel.length;
  await closeDb();
  await app.stop();

  console.log("\n  ticks (clock advanced one minute per tick, as the scheduler ticks):");
  table([
    ["tick at (UTC)", "wall ms", "sent", "retrying", "failed"],
    ...ticks.map((t) => [t.at, t.ms, t.sent, t.retrying, t.failed]),
  ]);
  const idealChain = ideal.rounds - 1;
  table([
    ["sender", "DMs", "429s", "work (wall) s", "DMs/s", "elapsed incl. waits s"],
    [
      "kundennah (ticks)",
      delivered,
      stats.rateLimited,
      wallMs / 1000,
      (delivered / wallMs) * 1000,
      `${fmt(simulatedS)} (simulated clock) + last tick`,
    ],
    [
      "ideal sender (baseline)",
      Object.keys(idealStats.calls).length ? leaders : 0,
      idealStats.rateLimited,
      (ideal.wallMs - ideal.waitedMs) / 1000,
      (leaders / (ideal.wallMs - ideal.waitedMs)) * 1000,
      ideal.wallMs / 1000,
    ],
    ["ratio ours / ideal", "", "", wallMs / (ideal.wallMs - ideal.waitedMs), "", ""],
  ]);
  note(
    `rate-limit floor: each leader is its own DM channel, so Slack's ~1 msg/s per channel never binds; the floor is the longest chain of consecutive 429s ` +
      `(${idealChain} here) × Retry-After (1 s) = ${idealChain} s of waiting, plus the sending work itself (${((ideal.wallMs - ideal.waitedMs) / 1000).toFixed(1)} s for the ideal sender at ${CONCURRENCY} in flight)`,
  );
  note(
    `ours: retried nudges wait their Retry-After (plus up to 1 s of jitter) and go out with the next minute's tick, so the last DM went out ${fmt(simulatedS)} s (simulated) after the first tick`,
  );
  const allOnce = delivered === leaders && twice === 0 && sent === leaders;
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
    simulatedS,
    ticks: ticks.length,
    idealWorkS: (ideal.wallMs - ideal.waitedMs) / 1000,
    idealElapsedS: ideal.wallMs / 1000,
    idealChain,
  });
});
