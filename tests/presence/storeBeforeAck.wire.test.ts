// A channel message is answered 2xx only once its signal is stored. While the database cannot
// write (here: another connection holds the write lock), Slack gets a non-2xx within its
// 3 seconds and retries the same event_id later; Teams gets a 5xx; /healthz says not ready.
// Commands keep answering at once.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/database.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, type SignedRequest, sign, slashCommand } from "../helpers/slackRequests.js";
import { channelMessage, postActivity, type TeamsChannel, type TeamsPerson } from "../helpers/teamsActivities.js";

/** Slack gives up on an answer after 3 seconds; so does this client. */
async function asSlack(url: string, request: SignedRequest, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers: { ...request.headers, ...headers },
    body: request.body,
    signal: AbortSignal.timeout(3_000),
  });
  await res.text();
  return res.status;
}

/** Takes the write lock from a second connection, as a backup or a stuck admin session would; returns the release. */
async function lockDatabase(url: string): Promise<() => Promise<void>> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    db.exec("BEGIN IMMEDIATE");
    return async () => {
      db.exec("ROLLBACK");
      db.close();
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`BEGIN; LOCK TABLE "PresenceSignal", "ProcessedEvent" IN EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

let h: Harness;
let release: (() => Promise<void>) | null = null;
const count = (sql: string) => Number(h.rows(sql)[0]!.n);
const signals = (channel: string) => count(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = '${channel}'`);
const processed = () => count(`SELECT COUNT(*) AS n FROM ProcessedEvent`);
const health = async () => {
  const res = await fetch(`${h.app.url}/healthz`, { signal: AbortSignal.timeout(3_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T10:00:00Z", teams: true });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
});

afterAll(async () => {
  await release?.();
  await h?.stop();
});

describe(`channel messages while the database cannot write (${testDatabase})`, () => {
  it("Slack: answers non-2xx within 3 s, marks nothing processed, and stores Slack's retry exactly once", async () => {
    const message = (text: string, at: string) => ({
      type: "message",
      channel: "CLOCK",
      user: "UA",
      text,
      ts: at,
      channel_type: "channel",
      event_ts: at,
    });
    expect(
      await asSlack(
        h.eventsUrl,
        sign(eventCallback(message("Kunde zufrieden", "1795510800.000100"), "EvBefore"), JSON_TYPE),
      ),
    ).toBe(200);
    expect(signals("CLOCK")).toBe(1);
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok", slack: "ok", teams: "ok" } });
    const processedBefore = processed();

    release = await lockDatabase(h.databaseUrl);
    const locked = sign(
      eventCallback(message("Der Kunde hat sich bedankt", "1795510900.000100"), "EvLocked"),
      JSON_TYPE,
    );
    const status = await asSlack(h.eventsUrl, locked);
    expect(status < 200 || status >= 300).toBe(true);
    expect(processed()).toBe(processedBefore);
    expect(signals("CLOCK")).toBe(1);
    const notReady = await health();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: "not ready", database: "cannot write" });
    expect(String(notReady.body.reason)).toMatch(/lock/i);
    // Commands still answer first and work after.
    expect(
      await asSlack(h.eventsUrl, sign(slashCommand("/cx-admin", "help", "UADMIN", h.slack.responseUrl("help")), FORM)),
    ).toBe(200);

    await release();
    release = null;
    expect(await asSlack(h.eventsUrl, locked, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" })).toBe(
      200,
    );
    expect(signals("CLOCK")).toBe(2);
    expect(processed()).toBe(processedBefore + 1);
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok", slack: "ok", teams: "ok" } });
  });

  it("Teams: answers a channel message whose signal could not be stored with a 5xx, and stores the retry", async () => {
    const person: TeamsPerson = { id: "29:1lock", aadObjectId: "aad-lock", name: "Lock" };
    const channel: TeamsChannel = { id: "19:lock@thread.tacv2", teamId: "19:lock-team@thread.tacv2", name: "Lock" };
    expect(
      (
        await postActivity(
          h.messagesUrl,
          channelMessage(h.teams!.url, person, channel, "Kunde zufrieden", { id: "1764000001001" }),
        )
      ).status,
    ).toBe(200);
    expect(signals(channel.id)).toBe(1);

    release = await lockDatabase(h.databaseUrl);
    const activity = channelMessage(h.teams!.url, person, channel, "Der Kunde hat sich bedankt", {
      id: "1764000001002",
    });
    expect((await postActivity(h.messagesUrl, activity)).status).toBeGreaterThanOrEqual(500);
    expect(signals(channel.id)).toBe(1);
    await release();
    release = null;

    expect((await postActivity(h.messagesUrl, activity)).status).toBe(200);
    expect(signals(channel.id)).toBe(2);
  }, 40_000);
});
