// Diagnostic: how many SQL statements (and which) one /cx-me and one message event cost, by
// counting better-sqlite3 prepare/exec calls in an in-process app. Not a timed benchmark.
//   node --import tsx bench/lib/queryCount.ts
import Database from "better-sqlite3";
import { startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { eventCallback, FORM, JSON_TYPE, sign, slashCommand } from "../../tests/helpers/slackRequests.js";
import { BOT_TOKEN, cleanup, request, SIGNING_SECRET, sleep, startFakeSlack, tempDir } from "./common.js";

const seen: string[] = [];
const proto = Database.prototype as unknown as { prepare: (sql: string) => unknown; exec: (sql: string) => unknown };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  seen.push(sql.replace(/\s+/g, " ").slice(0, 110));
  return prepare.call(this, sql);
};
const exec = proto.exec;
proto.exec = function (this: unknown, sql: string) {
  seen.push(sql.replace(/\s+/g, " ").slice(0, 110));
  return exec.call(this, sql);
};

const slack = await startFakeSlack();
const dir = tempDir("queries");
const config = loadConfig({
  PORT: "0",
  DATABASE_URL: `file:${dir}/k.db`,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  LOG_LEVEL: "warn",
});
const app = await startApp(config, { logger: createLogger("warn"), startScheduler: false });
const url = `${app.url}/slack/events`;
const measure = async (label: string, make: (i: number) => { body: string; headers: Record<string, string> }) => {
  for (let i = 0; i < 5; i++) await request(url, { method: "POST", ...make(i) }); // warm: first sightings
  await sleep(300);
  seen.length = 0;
  const n = 50;
  for (let i = 5; i < 5 + n; i++) await request(url, { method: "POST", ...make(i) });
  await sleep(500);
  const shapes = new Map<string, number>();
  for (const s of seen) shapes.set(s, (shapes.get(s) ?? 0) + 1);
  console.log(`\n${label}: ${(seen.length / n).toFixed(1)} SQL statements prepared per request`);
  for (const [s, c] of [...shapes].sort((a, b) => b[1] - a[1]))
    console.log(`  ${(c / n).toFixed(2).padStart(5)} × ${s}`);
};
await measure("/cx-me", (i) =>
  sign(slashCommand("/cx-me", "", `U${i % 3}`, slack.responseUrl(`q${i}`)), FORM, { secret: SIGNING_SECRET }),
);
await measure("message event", (i) =>
  sign(
    eventCallback({
      type: "message",
      channel: "C1",
      channel_type: "channel",
      user: `U${i % 3}`,
      text: "Der Kunde ist zufrieden",
      ts: `1763000000.${i}`,
    }),
    JSON_TYPE,
    { secret: SIGNING_SECRET },
  ),
);
await app.stop();
await cleanup();
process.exit(0);
