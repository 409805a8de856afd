// Customer presence in Teams over the wire: channel messages delivered through resource-specific
// consent (the same activity three times counts once), edits and deletes, the join notice, the
// weekly digest card in the HR/CX channel on Monday 09:00 exactly once, the digest-now preview in
// personal chat, exclusion and removal — and no message text in the database files or the logs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESENCE_TREND_SIZE } from "../../src/charts/presenceTrend.js";
import { classifyMessage } from "../../src/core/presence/builtinClassifier.js";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { decodePng } from "../helpers/png.js";
import {
  BOT,
  botAdded,
  botRemoved,
  channelCommand,
  channelMessage,
  conversationIdOf,
  install,
  message,
  messageEdit,
  messageSoftDelete,
  postActivity,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const CANARY = "CANARY-9b2e";
const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const person = (n: string): TeamsPerson => ({
  id: `29:1${n}`,
  aadObjectId: `aad-${n}`,
  name: n.toUpperCase(),
  locale: "de-DE",
});
const [A, B, C, D] = ["a", "b", "c", "d"].map(person) as [TeamsPerson, TeamsPerson, TeamsPerson, TeamsPerson];
const TEAM = "19:team-cx@thread.tacv2";
const GENERAL: TeamsChannel = { id: TEAM, teamId: TEAM };
const SUPPORT: TeamsChannel = { id: "19:support@thread.tacv2", teamId: TEAM, name: "Support" };
const HR: TeamsChannel = { id: "19:hr-cx@thread.tacv2", teamId: TEAM, name: "hr-cx" };
const CHAT: TeamsChannel = { id: "19:chat-abc@thread.v2", name: "Key accounts" };

// Week 48 of 2026 runs from Monday 23 to Sunday 29 November.
const W48 = [
  {
    who: A,
    id: "1700000000001",
    text: `<p>Der Kunde hat sich sehr über unseren schnellen Service gefreut, danke an alle! ${CANARY}</p>`,
    at: "2026-11-24T09:00:00Z",
  },
  { who: B, id: "1700000000002", text: "<p>Die Pipeline ist wieder grün.</p>", at: "2026-11-24T10:00:00Z" },
  {
    who: C,
    id: "1700000000003",
    text: `Customers keep complaining about the slow checkout, we need to fix it. ${CANARY}`,
    at: "2026-11-25T10:00:00Z",
  },
  { who: D, id: "1700000000004", text: "Lunch at 12?", at: "2026-11-25T11:00:00Z" },
  { who: A, id: "1700000000005", text: "Our client loved the new dashboard 🎉", at: "2026-11-26T10:00:00Z" },
];

let h: Harness;
let connector: FakeTeamsConnector;
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const rows = (sql: string) => h.rows(sql);
const signals = (channel: string) =>
  Number(rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = '${channel}'`)[0]!.n);
const textsIn = (conversationId: string) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationId)
    .map((c) => String(c.body.text ?? ""));
const cardsIn = (conversationId: string) =>
  connector.messages().filter((c) => c.conversationId === conversationId && Array.isArray(c.body.attachments));
const cardOf = (call: ConnectorCall) => (call.body.attachments as { content: Record<string, unknown> }[])[0]!.content;
const admin = async (channel: TeamsChannel, text: string, expected: string) => {
  await post(channelCommand(connector.url, ADMIN, channel, text));
  return connector.waitFor(() => textsIn(channel.id).find((t) => t.includes(expected)));
};

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T10:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  await post(install(connector.url, ADMIN));
  await post(message(connector.url, ADMIN, "language en"));
});

afterAll(async () => {
  await h?.stop();
});

describe("customer presence in Teams", () => {
  it("says what it measures when added to a team, once", async () => {
    await post(botAdded(connector.url, ADMIN, GENERAL));
    const notice = await connector.waitFor(() =>
      textsIn(GENERAL.id).find((t) => t.includes("never store the messages themselves")),
    );
    expect(notice).toContain("@Kundennah channel exclude");
    await post(botAdded(connector.url, ADMIN, GENERAL)); // Teams sends installationUpdate and conversationUpdate
    await new Promise((r) => setTimeout(r, 100));
    expect(textsIn(GENERAL.id).filter((t) => t.includes("never store"))).toHaveLength(1);
    expect(rows(`SELECT channelRef FROM TrackedChannel`)).toEqual([{ channelRef: TEAM }]);
  });

  it("sets the digest channel where the admin types it", async () => {
    const reply = await admin(HR, "digest-channel", "weekly digest");
    expect(reply).toContain("every Monday at 09:00");
    expect(rows(`SELECT channelRef FROM DigestTarget`)).toEqual([{ channelRef: HR.id }]);
    expect(await admin(HR, "presence llm on", "OPENAI_API_KEY")).toContain("needs");
    expect(await admin(HR, "digest-time mon 09:00", "goes out")).toContain("every Monday at 09:00");
    // Commands are not conversation: nothing measured in the HR channel.
    expect(signals(HR.id)).toBe(0);
  });

  it("counts each message once across retries, re-classifies edits and forgets deletes", async () => {
    for (const [i, m] of W48.entries()) {
      const activity = channelMessage(connector.url, m.who, SUPPORT, m.text, { id: m.id, at: m.at });
      for (let retry = 0; retry < (i === 0 ? 3 : 1); retry++) expect((await post(activity)).status).toBe(200);
    }
    // Noise that must not count: another bot, and the bot itself.
    await post(
      channelMessage(connector.url, { id: "28:other-bot", name: "Other bot" }, SUPPORT, "customers!", {
        id: "1700000000090",
      }),
    );
    await post(
      channelMessage(connector.url, { id: BOT.id, name: BOT.name }, SUPPORT, "customer digest", {
        id: "1700000000091",
      }),
    );
    await connector.waitFor(() => signals(SUPPORT.id) === 5);
    // The first message in a channel it had not seen: the notice goes there too, once.
    expect(textsIn(SUPPORT.id).filter((t) => t.includes("never store"))).toHaveLength(1);

    await post(
      messageEdit(
        connector.url,
        D,
        SUPPORT,
        W48[3]!.id,
        "<p>Lunch with our biggest customer at 12, they are thrilled with the rollout!</p>",
        "2026-11-25T11:05:00Z",
      ),
    );
    await post(messageSoftDelete(connector.url, A, SUPPORT, W48[4]!.id));
    await connector.waitFor(() => signals(SUPPORT.id) === 4);
    // Message references are keyed hashes, so the signals are compared as a set: the three
    // untouched messages as classified, and the lunch line now a positive customer message.
    const expected = [
      ...[W48[0]!, W48[1]!, W48[2]!].map((m) => classifyMessage(m.text.replace(/<\/?p>/g, ""))),
      { customer: true, tone: "positive" },
    ];
    const stored = rows(`SELECT customer, tone FROM PresenceSignal WHERE channelRef = '${SUPPORT.id}'`);
    expect(stored.map((v) => JSON.stringify(v)).sort()).toEqual(
      expected.map((v) => JSON.stringify({ customer: v.customer ? 1 : 0, tone: v.tone })).sort(),
    );
    expect(rows(`SELECT DISTINCT week FROM PresenceSignal`)).toEqual([{ week: "2026-W48" }]);
  });

  it("measures a group chat it is added to, and forgets it when removed", async () => {
    await post(botAdded(connector.url, A, CHAT));
    await connector.waitFor(() => textsIn(CHAT.id).find((t) => t.includes("never store")));
    await post(
      channelMessage(connector.url, B, CHAT, "Kunde ist zufrieden", {
        id: "1700000000101",
        at: "2026-11-24T12:00:00Z",
      }),
    );
    await connector.waitFor(() => signals(CHAT.id) === 1);
    await post(botRemoved(connector.url, A, CHAT));
    await connector.waitFor(() => signals(CHAT.id) === 0);
    expect(rows(`SELECT COUNT(*) AS n FROM TrackedChannel WHERE channelRef = '${CHAT.id}'`)).toEqual([{ n: 0 }]);
  });

  it("posts the digest card to the digest channel once on Monday 09:00, with the chart (after the previous steps)", async () => {
    h.clock.set("2026-11-30T07:59:00Z");
    expect((await h.app.core.tick()).digests).toBe(0);
    h.clock.set("2026-11-30T08:00:00Z"); // Monday 09:00 in Berlin
    expect(await h.app.core.tick()).toMatchObject({ digests: 1, outboxSent: 1 });
    const digest = await connector.waitFor(() => cardsIn(HR.id)[0]);
    const card = JSON.stringify(cardOf(digest));
    expect(card).toContain("Customer presence — week 2026-W48");
    expect(card).toContain("**Support**");
    expect(card).toContain("4 messages · **75%** about customers");
    // The trend is Teams' own chart, with the Vega-Lite chart's PNG for clients that cannot draw it.
    const chart = (cardOf(digest).body as Record<string, unknown>[]).find(
      (e) => e.type === "Chart.VerticalBar.Grouped",
    )!;
    expect(chart).toMatchObject({
      stacked: true,
      title: "Share of messages about customers, 8 weeks to 2026-W48",
      fallback: { type: "Image" },
    });
    const png = decodePng(
      Buffer.from(String((chart.fallback as { url: string }).url).replace(/^data:image\/png;base64,/, ""), "base64"),
    );
    expect([png.width, png.height]).toEqual([PRESENCE_TREND_SIZE.width, PRESENCE_TREND_SIZE.height]);
    expect(card).not.toContain(CANARY);
    expect(Buffer.byteLength(JSON.stringify(digest.body))).toBeLessThan(28_000);

    h.clock.set("2026-11-30T08:01:00Z");
    expect((await h.app.core.tick()).digests).toBe(0);
    expect(cardsIn(HR.id)).toHaveLength(1);
  });

  it("sends an admin a private preview with digest-now", async () => {
    // Counted here, so the step holds on its own: nothing new may appear in the digest channel.
    const inDigestChannel = cardsIn(HR.id).length;
    const reply = await admin(HR, "digest-now", "preview");
    expect(reply).toContain("preview of last week's digest");
    const preview = await connector.waitFor(() => cardsIn(conversationIdOf(ADMIN))[0]);
    expect(JSON.stringify(cardOf(preview))).toContain("Preview — only you see this.");
    expect(cardsIn(HR.id)).toHaveLength(inDigestChannel);
  });

  it("typed in the personal chat, digest-now sends the preview there and nothing else", async () => {
    const personal = conversationIdOf(ADMIN);
    const before = connector.messages().filter((c) => c.conversationId === personal).length;
    expect((await post(message(connector.url, ADMIN, "digest-now"))).status).toBe(200);
    await connector.waitFor(() => cardsIn(personal).length === 2);
    // A later command's answer shows the turn is over: nothing else came after the preview.
    await post(message(connector.url, ADMIN, "help"));
    const after = await connector.waitFor(() => {
      const calls = connector
        .messages()
        .filter((c) => c.conversationId === personal)
        .slice(before);
      return calls.length >= 2 && calls;
    });
    expect(after).toHaveLength(2);
    expect(JSON.stringify(cardOf(after[0]!))).toContain("Preview — only you see this.");
    expect(textsIn(personal).filter((t) => t.includes("preview of last week's digest"))).toHaveLength(0);
  });

  it("stops measuring a channel excluded there and deletes its signals (after the previous steps)", async () => {
    const reply = await admin(SUPPORT, "channel exclude", "no longer measured");
    expect(reply).toContain("4 stored signal(s) were deleted");
    await post(
      channelMessage(connector.url, A, SUPPORT, "customers love it", {
        id: "1700000000201",
        at: "2026-12-01T09:00:00Z",
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(signals(SUPPORT.id)).toBe(0);
    expect(await admin(SUPPORT, "channel include", "measured again")).toContain(`"Support" is measured again`);
  });

  it("forgets all the team's channels when removed from the team, also after a restart (after the previous steps)", async () => {
    await post(
      channelMessage(connector.url, A, GENERAL, "Kundentermin morgen", {
        id: "1700000000301",
        at: "2026-12-01T10:00:00Z",
      }),
    );
    await post(
      channelMessage(connector.url, B, SUPPORT, "Der Kunde ist zufrieden", {
        id: "1700000000302",
        at: "2026-12-01T10:05:00Z",
      }),
    );
    await connector.waitFor(() => signals(GENERAL.id) === 1 && signals(SUPPORT.id) === 1);
    // A new process knows the team's channels only from the database.
    await h.stop();
    h = await startHarness({ now: "2026-12-01T10:10:00Z", dir: h.dir, teams: true });
    connector = h.teams!;
    await post(botRemoved(connector.url, ADMIN, GENERAL));
    await connector.waitFor(() => signals(GENERAL.id) === 0 && signals(SUPPORT.id) === 0);
    expect(rows(`SELECT COUNT(*) AS n FROM TrackedChannel`)).toEqual([{ n: 0 }]);
  });

  it("keeps no message text anywhere: not in the database files, not in the logs (after the previous steps)", async () => {
    await h.app.stop();
    const bytes = h.storedText();
    expect(bytes).not.toContain(CANARY);
    expect(bytes).not.toContain("Pipeline ist wieder");
    expect(h.logs.join("")).not.toContain(CANARY);
    expect(h.logs.join("")).not.toContain("Pipeline");
    await h.slack.stop();
    await connector.stop();
    h = await startHarness({ now: "2026-12-01T10:00:00Z", dir: h.dir, teams: true });
  });
});
