// Starts the real application — HTTP server, Bolt, Prisma on a SQLite file in a temp dir (or a
// fresh PostgreSQL database, see database.ts) — with Slack's Web API pointed at a FakeSlack and
// a clock the test controls.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { databaseUrlFor, queryRows, storedText } from "./database.js";
import { FakeSlack } from "./fakeSlack.js";
import { FakeTeamsConnector } from "./fakeTeamsConnector.js";
import { SIGNING_SECRET } from "./slackRequests.js";

export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: RunningApp;
  slack: FakeSlack;
  clock: TestClock;
  dir: string;
  logs: string[];
  eventsUrl: string;
  /** Set when started with `teams`: the fake Bot Connector and the bot's /api/messages. */
  teams: FakeTeamsConnector | null;
  messagesUrl: string;
  databaseUrl: string;
  /** Reads the app's database (SQLite or PostgreSQL) synchronously; booleans come back as 1/0. */
  rows(sql: string): Record<string, unknown>[];
  /** All data at rest as text, for privacy assertions. */
  storedText(): string;
  stop(): Promise<void>;
}

export interface TeamsHarnessOptions {
  /** Azure mode with this app id (requests need a Bot Framework token); local mode otherwise. */
  appId?: string;
}

export function tempDir(prefix = "kundennah-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHarness(
  options: { now?: string; env?: Record<string, string>; dir?: string; teams?: TeamsHarnessOptions | true } = {},
): Promise<Harness> {
  const clock = new TestClock(new Date(options.now ?? "2026-11-23T08:00:00Z"));
  const slack = await new FakeSlack(clock.now).start();
  const teams = options.teams ? await new FakeTeamsConnector().start() : null;
  const teamsOptions = options.teams === true ? {} : options.teams;
  const teamsEnv: Record<string, string> = !teamsOptions
    ? {}
    : teamsOptions.appId
      ? {
          MICROSOFT_APP_ID: teamsOptions.appId,
          MICROSOFT_APP_PASSWORD: "test-secret",
          MICROSOFT_APP_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        }
      : { TEAMS_LOCAL_MODE: "true" };
  const dir = options.dir ?? tempDir();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const databaseUrl = databaseUrlFor(dir);
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "debug",
    ...teamsEnv,
    ...options.env,
  });
  let app: RunningApp;
  try {
    app = await startApp(config, {
      logger: createLogger(config.logLevel, sink),
      clock: clock.now,
      startScheduler: false,
      // Short backoff so retry tests take milliseconds; Retry-After is still honoured.
      ...(teams ? { teams: { retryPolicy: { attempts: 4, baseDelayMs: 20, maxDelayMs: 5_000 } } } : {}),
    });
  } catch (error) {
    await slack.stop();
    await teams?.stop();
    throw error;
  }
  return {
    app,
    slack,
    clock,
    dir,
    logs,
    eventsUrl: `${app.url}/slack/events`,
    teams,
    messagesUrl: `${app.url}/api/messages`,
    databaseUrl,
    rows: (sql) => queryRows(databaseUrl, sql),
    storedText: () => storedText(databaseUrl),
    stop: async () => {
      await app.stop();
      await slack.stop();
      await teams?.stop();
    },
  };
}
