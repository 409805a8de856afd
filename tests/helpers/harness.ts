// Starts the real application — HTTP server, Bolt, Prisma on a SQLite file in a temp dir —
// with Slack's Web API pointed at a FakeSlack and a clock the test controls.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../../src/config.js";
import { startApp, type RunningApp } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlack } from "./fakeSlack.js";
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
  stop(): Promise<void>;
}

export function tempDir(prefix = "kundennah-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startHarness(options: { now?: string; env?: Record<string, string>; dir?: string } = {}): Promise<Harness> {
  const slack = await new FakeSlack().start();
  const dir = options.dir ?? tempDir();
  const clock = new TestClock(new Date(options.now ?? "2026-11-23T08:00:00Z"));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: `file:${path.join(dir, "kundennah.db")}`,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const app = await startApp(config, { logger: createLogger(config.logLevel, sink), clock: clock.now, startScheduler: false });
  return {
    app,
    slack,
    clock,
    dir,
    logs,
    eventsUrl: `${app.url}/slack/events`,
    stop: async () => {
      await app.stop();
      await slack.stop();
    },
  };
}
