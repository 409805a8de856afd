// Who can read the person hash. A signal names its channel, its author as a keyed hash, and the
// message it came from; with the message's id and the bot token, the message (and so its
// author) could be looked up. So message references are stored keyed-hashed too, the key can
// live outside the database (KUNDENNAH_HASH_SECRET), and edits and deletes still find their
// signal — also for rows an earlier version stored with plain references.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { type Harness, startHarness, tempDir } from "../helpers/harness.js";
import { eventCallback, JSON_TYPE, post, sign } from "../helpers/slackRequests.js";
import {
  channelMessage,
  messageEdit,
  messageSoftDelete,
  postActivity,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const SECRET = "kept-by-the-operator-outside-the-database-7c1e";
const running: Harness[] = [];
afterAll(async () => {
  while (running.length) await running.pop()!.stop();
});

const ts = (iso: string, micros: number) =>
  `${Math.floor(new Date(iso).getTime() / 1000)}.${String(micros).padStart(6, "0")}`;
const slackMessage = (channel: string, user: string, text: string, at: string) => ({
  type: "message",
  channel,
  user,
  text,
  ts: at,
  channel_type: "channel",
  event_ts: at,
});
const slackEdit = (channel: string, user: string, text: string, original: string) => ({
  type: "message",
  subtype: "message_changed",
  channel,
  channel_type: "channel",
  ts: ts("2026-11-27T09:00:00Z", 1),
  message: { user, text, ts: original },
});
const slackDelete = (channel: string, original: string) => ({
  type: "message",
  subtype: "message_deleted",
  channel,
  channel_type: "channel",
  ts: ts("2026-11-27T09:01:00Z", 2),
  deleted_ts: original,
});
const sendSlack = async (h: Harness, event: object, eventId: string) =>
  expect((await post(h.eventsUrl, sign(eventCallback(event, eventId), JSON_TYPE))).status).toBe(200);
const sendTeams = async (h: Harness, activity: unknown) =>
  expect((await postActivity(h.messagesUrl, activity)).status).toBe(200);
/** The references that can be found anywhere in the stored data. */
const leaked = (h: Harness, refs: string[]) => {
  const stored = h.storedText();
  return refs.filter((ref) => stored.includes(ref));
};
const verdicts = (h: Harness, channel: string) =>
  h.rows(`SELECT customer, tone FROM PresenceSignal WHERE channelRef = '${channel}' ORDER BY customer, tone`);

const SLACK_TS = [ts("2026-11-24T09:00:00Z", 411), ts("2026-11-24T10:00:00Z", 412), ts("2026-11-25T10:00:00Z", 413)];
const TEAMS_IDS = ["1764000000411", "1764000000412", "1764000000413"];
const person = (n: string): TeamsPerson => ({ id: `29:1${n}`, aadObjectId: `aad-${n}`, name: n.toUpperCase() });
const SUPPORT: TeamsChannel = { id: "19:support@thread.tacv2", teamId: "19:team@thread.tacv2", name: "Support" };

describe("message references and the person-hash key", () => {
  it("stores no Slack ts or Teams message id, keys every hash with KUNDENNAH_HASH_SECRET, and still applies edits and deletes", async () => {
    const h = await startHarness({ now: "2026-11-23T10:00:00Z", teams: true, env: { KUNDENNAH_HASH_SECRET: SECRET } });
    running.push(h);
    const texts = [
      "Lunch at 12?",
      "Customers keep complaining about the slow checkout.",
      "Der Kunde hat sich sehr gefreut, danke!",
    ];

    for (const [i, text] of texts.entries())
      await sendSlack(h, slackMessage("CKEY", ["UA", "UB", "UC"][i]!, text, SLACK_TS[i]!), `EvKey${i}`);
    await sendSlack(
      h,
      slackEdit("CKEY", "UA", "Lunch with our biggest customer, they are thrilled!", SLACK_TS[0]!),
      "EvKeyEdit",
    );
    await sendSlack(h, slackDelete("CKEY", SLACK_TS[1]!), "EvKeyDelete");
    await h.slack.waitFor(() => verdicts(h, "CKEY").length === 2);
    expect(verdicts(h, "CKEY")).toEqual([
      { customer: 1, tone: "positive" },
      { customer: 1, tone: "positive" },
    ]);

    for (const [i, text] of texts.entries())
      await sendTeams(
        h,
        channelMessage(h.teams!.url, person(["a", "b", "c"][i]!), SUPPORT, text, {
          id: TEAMS_IDS[i]!,
          at: "2026-11-24T09:00:00Z",
        }),
      );
    await sendTeams(
      h,
      messageEdit(
        h.teams!.url,
        person("a"),
        SUPPORT,
        TEAMS_IDS[0]!,
        "Lunch with our biggest customer, they are thrilled!",
      ),
    );
    await sendTeams(h, messageSoftDelete(h.teams!.url, person("b"), SUPPORT, TEAMS_IDS[1]!));
    expect(verdicts(h, SUPPORT.id)).toEqual([
      { customer: 1, tone: "positive" },
      { customer: 1, tone: "positive" },
    ]);

    expect(leaked(h, [...SLACK_TS, ...TEAMS_IDS])).toEqual([]);
    // The key is the operator's, not one kept next to the hashes.
    expect(h.rows(`SELECT name FROM AppSecret`)).toEqual([]);
    const slackWorkspace = String(h.rows(`SELECT id FROM Workspace WHERE platform = 'slack'`)[0]!.id);
    const keyed = (value: string) => crypto.createHmac("sha256", SECRET).update(value).digest("base64url");
    const authors = h
      .rows(`SELECT DISTINCT authorHash FROM PresenceSignal WHERE channelRef = 'CKEY' ORDER BY authorHash`)
      .map((r) => r.authorHash);
    expect(authors).toEqual(["UA", "UC"].map((u) => keyed(`presence:${slackWorkspace}:${u}`)).sort());
  });

  it("keys the plain references an earlier version stored, so their edits and deletes still find them", async () => {
    const dir = tempDir();
    const first = await startHarness({ now: "2026-11-23T10:00:00Z", dir });
    // This version measures one message; during a rolling upgrade an old replica stored it too, plainly.
    const twin = ts("2026-11-26T10:00:00Z", 414);
    await sendSlack(first, slackMessage("COLD", "UD", "Der Kunde war zufrieden", twin), "EvNew");
    await first.slack.waitFor(() => first.rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)[0]!.n === 1);
    const workspaceId = String(first.rows(`SELECT id FROM Workspace`)[0]!.id);
    await first.stop();

    // What the previous version wrote: the Slack ts itself as the reference, the event id as it came.
    const legacy = await openDatabase(first.databaseUrl);
    const signal = (messageRef: string, customer: boolean, tone: string | null, authorHash: string) => ({
      workspaceId,
      channelRef: "COLD",
      messageRef,
      day: "2026-11-24",
      week: "2026-W48",
      customer,
      tone,
      classifier: "builtin",
      authorHash,
    });
    await legacy.prisma.presenceSignal.createMany({
      data: [
        signal(SLACK_TS[0]!, false, null, "author-a"),
        signal(SLACK_TS[1]!, true, "negative", "author-b"),
        signal(SLACK_TS[2]!, true, "positive", "author-c"),
        signal(twin, true, "positive", "author-d"),
      ],
    });
    await legacy.prisma.processedEvent.create({ data: { id: `teams:${SUPPORT.id}:${TEAMS_IDS[0]}` } });
    await legacy.close();

    const h = await startHarness({ now: "2026-11-27T10:00:00Z", dir });
    running.push(h);
    expect(leaked(h, [...SLACK_TS, twin, TEAMS_IDS[0]!])).toEqual([]);
    expect(h.rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = 'COLD'`)).toEqual([{ n: 4 }]);
    expect(h.rows(`SELECT COUNT(*) AS n FROM ProcessedEvent`)).toEqual([{ n: 2 }]);

    await sendSlack(
      h,
      slackEdit("COLD", "UA", "Lunch with our biggest customer, they are thrilled!", SLACK_TS[0]!),
      "EvOldEdit",
    );
    await sendSlack(h, slackDelete("COLD", SLACK_TS[1]!), "EvOldDelete");
    await sendSlack(h, slackDelete("COLD", twin), "EvTwinDelete");
    await h.slack.waitFor(() => verdicts(h, "COLD").length === 2);
    expect(verdicts(h, "COLD")).toEqual([
      { customer: 1, tone: "positive" },
      { customer: 1, tone: "positive" },
    ]);
    expect(h.rows(`SELECT authorHash FROM PresenceSignal WHERE channelRef = 'COLD' ORDER BY authorHash`)).toEqual([
      { authorHash: "author-a" },
      { authorHash: "author-c" },
    ]);
  });

  it("moves the stored key out of the database without a break: the same value in KUNDENNAH_HASH_SECRET, the stored copy deleted", async () => {
    const dir = tempDir();
    const before = await startHarness({ now: "2026-11-23T10:00:00Z", dir });
    await sendSlack(before, slackMessage("CMOVE", "UA", "Kundentermin morgen", SLACK_TS[0]!), "EvMove1");
    await before.slack.waitFor(() => before.rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)[0]!.n === 1);
    const storedKey = String(before.rows(`SELECT value FROM AppSecret WHERE name = 'person-hash'`)[0]!.value);
    await before.stop();

    const h = await startHarness({ now: "2026-11-24T10:00:00Z", dir, env: { KUNDENNAH_HASH_SECRET: storedKey } });
    running.push(h);
    expect(h.rows(`SELECT name FROM AppSecret`)).toEqual([]);
    expect(leaked(h, [storedKey])).toEqual([]);
    const count = () => Number(h.rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = 'CMOVE'`)[0]!.n);
    await sendSlack(h, slackMessage("CMOVE", "UA", "Der Kunde war zufrieden", SLACK_TS[1]!), "EvMove2");
    await h.slack.waitFor(() => count() === 2);
    // One person before and after the move: still one author; the earlier message is still found.
    expect(h.rows(`SELECT COUNT(DISTINCT authorHash) AS n FROM PresenceSignal`)).toEqual([{ n: 1 }]);
    await sendSlack(h, slackDelete("CMOVE", SLACK_TS[0]!), "EvMove3");
    await h.slack.waitFor(() => count() === 1);
  });
});
