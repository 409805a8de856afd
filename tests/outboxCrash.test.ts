// `kill -9` while chat.postMessage is in flight, then a restart: the real `node dist/main.js`
// against a fake Slack that carries out each post but never answers. Every queued message —
// suggestion post, answer to its author, digest, channel notice, scheduled prompt — must reach
// its conversation exactly once, on SQLite and (with TEST_DATABASE=postgresql) on PostgreSQL.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import readline from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDateTime } from "../src/core/shared/time.js";
import { openDatabase } from "../src/storage/database.js";
import { PrismaPresenceStore } from "../src/storage/presenceStore.js";
import { PrismaSuggestionStore } from "../src/storage/suggestionStore.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import { databaseUrlFor, queryRows } from "./helpers/database.js";
import { FakeSlack } from "./helpers/fakeSlack.js";
import { tempDir } from "./helpers/harness.js";
import {
  eventCallback,
  FORM,
  JSON_TYPE,
  post,
  SIGNING_SECRET,
  sign,
  TEAM_ID,
  viewSubmission,
} from "./helpers/slackRequests.js";

const LEASE_SECONDS = 2;
const slack = new FakeSlack();
const processes: ChildProcess[] = [];

beforeAll(async () => {
  await slack.start();
  // The artefact `npm start` runs, built from this checkout.
  await promisify(execFile)("npm", ["run", "build", "--silent"], { timeout: 180_000 });
}, 200_000);

afterAll(async () => {
  for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await slack.stop();
});

/** Starts the bot as `npm start` does and resolves with its URL once it listens. */
async function startBot(databaseUrl: string): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const child = spawn(process.execPath, ["dist/main.js"], {
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      KUNDENNAH_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  processes.push(child);
  const logs: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => logs.push(String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bot exited with ${code}: ${logs.join("")}`)));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      logs.push(line);
      const started = /"url":"(http:[^"]+)".*"msg":"Kundennah is running/.exec(line);
      if (started) resolve(started[1]!);
    });
  });
  return { child, url, logs };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A workspace whose digest and monthly prompt are due right now, with a suggestions channel. */
async function seed(databaseUrl: string): Promise<void> {
  const db = await openDatabase(databaseUrl);
  const store = new PrismaWorkspaceStore(db.prisma);
  const workspace = await store.ensureWorkspace("slack", TEAM_ID, {
    cadence: "weekly",
    weekday: 1,
    nudgeMinute: 540,
    includeWeekends: false,
    language: "en",
    timezone: "Europe/Berlin",
  });
  const today = localDateTime(new Date(), workspace.timezone);
  // Due at 00:00 today: less than a day late all day long.
  await store.updateWorkspace(workspace.id, {
    suggestionsChannel: "CIDEAS",
    digestWeekday: today.weekday,
    digestMinute: 0,
  });
  await new PrismaPresenceStore(db.prisma).addDigestTarget(workspace.id, "CDIGEST");
  await new PrismaSuggestionStore(db.prisma).upsertAskSchedule(workspace.id, "CASK", today.day, 0);
  await db.close();
}

const postsTo = (conversation: string) =>
  slack.callsOf("chat.postMessage").filter((c) => c.args.channel === conversation);
const CONVERSATIONS = { suggestion: "CIDEAS", answer: "UEMMA", digest: "CDIGEST", notice: "CNEWS", prompt: "CASK" };

describe("the outbox after kill -9 mid-send", () => {
  it("delivers every message exactly once after a restart", async () => {
    const databaseUrl = databaseUrlFor(tempDir());
    await seed(databaseUrl);
    slack.addUser({ id: "UEMMA", locale: "en-US", tz: "Europe/Berlin" });
    slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
    slack.unanswered.add("chat.postMessage");

    const first = await startBot(databaseUrl);
    const events = `${first.url}/slack/events`;
    // The first tick queues the digest and the monthly prompt and starts sending them.
    await slack.waitFor(() => postsTo(CONVERSATIONS.digest).length && postsTo(CONVERSATIONS.prompt).length, 15_000);

    const values = (text: string) => ({
      text: { value: { type: "plain_text_input", value: text } },
      touchpoint: { value: { type: "static_select", selected_option: { value: "service" } } },
      anonymous: { value: { type: "checkboxes", selected_options: [] } },
    });
    const submitted = await post(
      events,
      sign(
        viewSubmission({
          userId: "UEMMA",
          callbackId: "suggestion_modal",
          privateMetadata: '{"language":"en"}',
          values: values("Call back within a day"),
        }),
        FORM,
      ),
    );
    expect(submitted.status).toBe(200);
    await slack.waitFor(() => postsTo(CONVERSATIONS.suggestion).length, 15_000);

    const suggestionId = String(queryRows(databaseUrl, `SELECT id FROM Suggestion`)[0]!.id);
    const answer = {
      status: { value: { type: "static_select", selected_option: { value: "planned" } } },
      note: { value: { type: "plain_text_input", value: "Starting in March" } },
    };
    await post(
      events,
      sign(
        viewSubmission({
          userId: "UADMIN",
          callbackId: "suggestion_respond_modal",
          privateMetadata: JSON.stringify({ suggestionId }),
          values: answer,
        }),
        FORM,
      ),
    );
    await slack.waitFor(() => postsTo(CONVERSATIONS.answer).length, 15_000);

    await post(
      events,
      sign(
        eventCallback({
          type: "member_joined_channel",
          user: "UBOT",
          channel: CONVERSATIONS.notice,
          channel_type: "C",
          team: TEAM_ID,
          event_ts: "1",
        }),
        JSON_TYPE,
      ),
    );
    await slack.waitFor(() => postsTo(CONVERSATIONS.notice).length, 15_000);

    // Slack has every post; the bot has none of the answers. Now it dies.
    await killHard(first.child);
    slack.unanswered.clear();
    // Every claim was taken before the kill, so all of them have run out a lease later.
    await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 250));

    const second = await startBot(databaseUrl);
    const outbox = () => queryRows(databaseUrl, `SELECT kind, status FROM OutboxMessage ORDER BY kind`);
    await slack.waitFor(() => outbox().length === 5 && outbox().every((row) => row.status === "sent"), 15_000);
    await stop(second.child);

    expect(outbox().map((row) => row.kind)).toEqual([
      "presence.digest",
      "presence.notice",
      "suggestion.answer",
      "suggestion.ask",
      "suggestion.post",
    ]);
    expect(
      Object.fromEntries(
        Object.entries(CONVERSATIONS).map(([kind, conversation]) => [kind, postsTo(conversation).length]),
      ),
    ).toEqual({
      suggestion: 1,
      answer: 1,
      digest: 1,
      notice: 1,
      prompt: 1,
    });
    // The suggestion's post is the one the first process sent, so votes and answers update it.
    expect(queryRows(databaseUrl, `SELECT channelRef, messageRef FROM Suggestion`)).toEqual([
      { channelRef: CONVERSATIONS.suggestion, messageRef: postsTo(CONVERSATIONS.suggestion)[0]!.result!.ts },
    ]);
  }, 60_000);
});
