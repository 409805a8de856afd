// Customer presence over the wire: Events API deliveries (with retries, edits and deletes),
// the join notice and 4-week baseline, exclusion, and the weekly digest — without any message
// text at rest or in logs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_CHART_SCALE } from "../../src/bots/slack/delivery.js";
import { PRESENCE_TREND_SIZE } from "../../src/charts/presenceTrend.js";
import { classifyMessage } from "../../src/core/presence/builtinClassifier.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { decodePng, pngWithin } from "../helpers/png.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand } from "../helpers/slackRequests.js";

const CANARY = "CANARY-7f3a";
let h: Harness;
const rows = (sql: string) => h.rows(sql);
const ts = (iso: string, n = 0) => `${Math.floor(new Date(iso).getTime() / 1000)}.${String(n).padStart(6, "0")}`;

const sendEvent = (event: object, eventId: string) => post(h.eventsUrl, sign(eventCallback(event, eventId), JSON_TYPE));
const message = (channel: string, user: string, text: string, at: string, extra: object = {}) => ({
  type: "message",
  channel,
  user,
  text,
  ts: ts(at),
  channel_type: "channel",
  event_ts: ts(at),
  ...extra,
});
const admin = async (text: string, reply: string) => {
  await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, "UADMIN", h.slack.responseUrl(reply)), FORM));
  return h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${reply}`)?.body);
};

// Week 48 of 2026 runs from Monday 23 to Sunday 29 November.
const W48 = [
  {
    user: "UA",
    text: `Der Kunde hat sich sehr über unseren schnellen Service gefreut, danke an alle! ${CANARY}`,
    at: "2026-11-24T09:00:00Z",
  },
  { user: "UB", text: "Die Pipeline ist wieder grün.", at: "2026-11-24T10:00:00Z" },
  {
    user: "UC",
    text: `Customers keep complaining about the slow checkout, we need to fix it. ${CANARY}`,
    at: "2026-11-25T10:00:00Z",
  },
  { user: "UD", text: "Lunch at 12?", at: "2026-11-25T11:00:00Z" },
  { user: "UA", text: "Our client loved the new dashboard 🎉", at: "2026-11-26T10:00:00Z" },
];

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T10:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  await admin("language en", "lang");
  expect(String((await admin("digest-channel <#CHR|hr-cx>", "digest")).text)).toContain("every Monday at 09:00");
});

afterAll(async () => {
  await h?.stop();
});

describe("customer presence in Slack", () => {
  it("on joining, posts what it measures and reads a 4-week baseline, waiting out a 429", async () => {
    h.slack.history.set("CSUP", [
      [
        { type: "message", user: "UA", text: `Kundenfeedback war super ${CANARY}`, ts: ts("2026-11-17T09:00:00Z") },
        { type: "message", subtype: "channel_join", user: "UX", text: "joined", ts: ts("2026-11-17T09:01:00Z") },
      ],
      [
        { type: "message", user: "UB", text: "Deploy ist durch", ts: ts("2026-11-18T09:00:00Z") },
        { type: "message", bot_id: "B1", text: "bot says customers", ts: ts("2026-11-18T09:01:00Z") },
      ],
    ]);
    h.slack.failNext("conversations.history", { status: 429, retryAfter: 0 });
    await sendEvent(
      { type: "member_joined_channel", user: "UBOT", channel: "CSUP", channel_type: "C", team: "T0001", event_ts: "1" },
      "EvJoin1",
    );
    const notice = await h.slack.waitFor(() =>
      h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CSUP"),
    );
    expect(String(notice.args.text)).toContain("never store the messages themselves");
    expect(String(notice.args.text)).toContain("/cx-admin channel exclude");
    await h.slack.waitFor(() => rows(`SELECT baselineAt FROM TrackedChannel WHERE channelRef = 'CSUP'`)[0]?.baselineAt);
    expect(rows(`SELECT day, week FROM PresenceSignal ORDER BY day`)).toEqual([
      { day: "2026-11-17", week: "2026-W47" },
      { day: "2026-11-18", week: "2026-W47" },
    ]);
    expect(h.slack.callsOf("conversations.history")).toHaveLength(3);
    // The same join delivered again neither posts a second notice nor reads history again.
    await sendEvent(
      { type: "member_joined_channel", user: "UBOT", channel: "CSUP", channel_type: "C", team: "T0001", event_ts: "1" },
      "EvJoin2",
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CSUP")).toHaveLength(1);
  });

  it("counts each message once across retries, re-classifies edits and forgets deletes (after the previous steps)", async () => {
    for (const [i, m] of W48.entries()) {
      for (let retry = 0; retry < (i === 0 ? 3 : 1); retry++) {
        expect((await sendEvent(message("CSUP", m.user, m.text, m.at), `EvW48-${i}`)).status).toBe(200);
      }
    }
    // Noise that must not count: a bot, a join, a DM, the bot itself.
    await sendEvent(
      message("CSUP", "UZ", "customers!", "2026-11-26T11:00:00Z", { bot_id: "B9", subtype: "bot_message" }),
      "EvNoise1",
    );
    await sendEvent(
      message("CSUP", "UZ", "has joined", "2026-11-26T11:01:00Z", { subtype: "channel_join" }),
      "EvNoise2",
    );
    await sendEvent(message("DUA", "UA", "customer stuff", "2026-11-26T11:02:00Z", { channel_type: "im" }), "EvNoise3");
    await sendEvent(message("CSUP", "UBOT", "customer digest", "2026-11-26T11:03:00Z"), "EvNoise4");
    await h.slack.waitFor(() => rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE week = '2026-W48'`)[0]!.n === 5);

    // "Lunch at 12?" is edited into a customer message; the delete removes the dashboard line.
    await sendEvent(
      {
        type: "message",
        subtype: "message_changed",
        channel: "CSUP",
        channel_type: "channel",
        ts: ts("2026-11-27T09:00:00Z"),
        message: {
          user: "UD",
          text: "Lunch with our biggest customer at 12, they are thrilled with the rollout!",
          ts: ts(W48[3]!.at),
        },
      },
      "EvEdit",
    );
    await sendEvent(
      {
        type: "message",
        subtype: "message_deleted",
        channel: "CSUP",
        channel_type: "channel",
        ts: ts("2026-11-27T09:01:00Z"),
        deleted_ts: ts(W48[4]!.at),
      },
      "EvDelete",
    );
    await h.slack.waitFor(() => rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE week = '2026-W48'`)[0]!.n === 4);
    // Message references are keyed hashes, so the signals are compared as a set: the three
    // untouched messages as classified, and the lunch line now a positive customer message.
    const expected = [
      ...[W48[0]!, W48[1]!, W48[2]!].map((m) => classifyMessage(m.text)),
      { customer: true, tone: "positive" },
    ];
    const stored = rows(`SELECT customer, tone FROM PresenceSignal WHERE week = '2026-W48'`);
    expect(stored.map((v) => JSON.stringify(v)).sort()).toEqual(
      expected.map((v) => JSON.stringify({ customer: v.customer ? 1 : 0, tone: v.tone })).sort(),
    );
    expect(rows(`SELECT COUNT(DISTINCT authorHash) AS n FROM PresenceSignal WHERE week = '2026-W48'`)).toEqual([
      { n: 4 },
    ]);
  });

  it("folds a channel where too few people wrote and posts the digest once on Monday 09:00 (after the previous steps)", async () => {
    await sendEvent(message("CTINY", "UA", "Customer call went great", "2026-11-24T12:00:00Z"), "EvTiny1");
    await sendEvent(message("CTINY", "UB", "Kunde ist zufrieden", "2026-11-24T12:05:00Z"), "EvTiny2");
    // A second small channel: on their own both are too small, together three people wrote.
    await sendEvent(message("CSMALL", "UC", "Wir haben die Kundin zurückgerufen.", "2026-11-24T12:10:00Z"), "EvSmall1");
    await h.slack.waitFor(
      () => rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef IN ('CTINY', 'CSMALL')`)[0]!.n === 3,
    );
    // No join event was seen for these channels: each is told what is measured all the same.
    for (const channel of ["CTINY", "CSMALL"]) {
      await h.slack.waitFor(() =>
        h.slack
          .callsOf("chat.postMessage")
          .find((c) => c.args.channel === channel && String(c.args.text).includes("never store")),
      );
    }

    h.clock.set("2026-11-30T07:59:00Z");
    expect((await h.app.core.tick()).digests).toBe(0);
    h.clock.set("2026-11-30T08:00:00Z"); // Monday 09:00 in Berlin
    const tick = await h.app.core.tick();
    expect(tick).toMatchObject({ digests: 1, outboxSent: 1 });
    const digest = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CHR")!;
    const text = JSON.stringify(digest.args.blocks);
    const sup = rows(
      `SELECT COUNT(*) AS messages, SUM(CASE WHEN customer THEN 1 ELSE 0 END) AS customer FROM PresenceSignal WHERE channelRef = 'CSUP' AND week = '2026-W48'`,
    )[0]!;
    const share = Math.round((Number(sup.customer) / Number(sup.messages)) * 100);
    expect(text).toContain("Customer presence — week 2026-W48");
    expect(text).toContain(`<#CSUP>`);
    expect(text).toContain(`4 messages · *${share}%* about customers`);
    expect(text).not.toContain("<#CTINY>");
    expect(text).not.toContain("<#CSMALL>");
    expect(text).toContain("*Other channels*");
    expect(text).toContain("*Whole workspace*");
    expect(text).not.toContain(CANARY);
    // The chart goes up (multipart, as Slack's client sends it) as the Vega-Lite chart's PNG, drawn
    // at twice its size for dense screens.
    const upload = h.slack.uploads[0]!;
    const chart = decodePng(pngWithin(upload.bytes));
    expect([chart.width, chart.height]).toEqual([
      PRESENCE_TREND_SIZE.width * SLACK_CHART_SCALE,
      PRESENCE_TREND_SIZE.height * SLACK_CHART_SCALE,
    ]);
    expect(h.slack.callsOf("files.getUploadURLExternal")[0]!.args).toMatchObject({
      filename: "customer-presence-2026-W48.png",
      alt_text: "Share of messages about customers, 8 weeks to 2026-W48",
    });
    expect(h.slack.callsOf("files.completeUploadExternal")[0]!.args.channel_id).toBe("CHR");

    h.clock.set("2026-11-30T08:01:00Z");
    expect((await h.app.core.tick()).digests).toBe(0);
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CHR")).toHaveLength(1);
  });

  it("sends an admin a private preview with digest-now (after the previous steps)", async () => {
    const reply = await admin("digest-now", "preview");
    expect(String(reply.text)).toContain("preview of last week's digest");
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UADMIN")!;
    expect(JSON.stringify(dm.args.blocks)).toContain("Preview — only you see this.");
  });

  it("typed in the bot's direct message, digest-now sends only the preview there", async () => {
    const previews = () => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "UADMIN").length;
    const before = previews();
    // The same command from the app's DM with the admin (the fake answers posts to UADMIN in DADMIN).
    const inDm = slashCommand("/cx-admin", "digest-now", "UADMIN", h.slack.responseUrl("in-dm"))
      .replace("channel_id=C0GENERAL", "channel_id=DADMIN")
      .replace("channel_name=general", "channel_name=directmessage");
    expect((await post(h.eventsUrl, sign(inDm, FORM))).status).toBe(200);
    await h.slack.waitFor(() => previews() === before + 1);
    // A later command's answer shows the first one's work is done: it answered nothing itself.
    await admin("help", "after-dm");
    expect(h.slack.responses.filter((r) => r.path === "/response/in-dm")).toHaveLength(0);
  });

  it("posts a digest once even when its chart cannot be uploaded (after the previous steps)", async () => {
    h.slack.failNext("files.getUploadURLExternal", { error: "not_in_channel" });
    h.clock.set("2026-12-07T08:00:00Z");
    expect(await h.app.core.tick()).toMatchObject({ digests: 1, outboxSent: 1, outboxRetrying: 0 });
    h.clock.set("2026-12-07T09:00:00Z");
    expect(await h.app.core.tick()).toMatchObject({ digests: 0, outboxSent: 0, outboxRetrying: 0 });
    const digests = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CHR");
    expect(digests.map((c) => String(c.args.text))).toEqual([
      "Customer presence — week 2026-W48",
      "Customer presence — week 2026-W49",
    ]);
    expect(h.logs.join("")).toContain("the digest chart could not be uploaded");
  });

  it("stops measuring an excluded channel and deletes its signals; leaving forgets a channel (after the previous steps)", async () => {
    const reply = await admin("channel exclude <#CSUP|support>", "exclude");
    expect(String(reply.text)).toContain("6 stored signal(s) were deleted");
    await sendEvent(message("CSUP", "UA", "customers love it", "2026-12-01T09:00:00Z"), "EvAfterExclude");
    await new Promise((r) => setTimeout(r, 100));
    expect(rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = 'CSUP'`)).toEqual([{ n: 0 }]);

    await sendEvent({ type: "channel_left", channel: "CTINY", actor_id: "UA", event_ts: "2" }, "EvLeft");
    await h.slack.waitFor(
      () => rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = 'CTINY'`)[0]!.n === 0,
    );
    expect(rows(`SELECT channelRef FROM TrackedChannel ORDER BY channelRef`)).toEqual([
      { channelRef: "CSMALL" },
      { channelRef: "CSUP" },
    ]);
  });

  it("deletes signals once the message is older than the retention limit (after the previous steps)", async () => {
    expect(Number(rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)[0]!.n)).toBeGreaterThan(0);
    h.clock.set("2027-06-01T12:00:00Z"); // 27 weeks after the last message
    expect((await h.app.core.tick()).expiredSignals).toBeGreaterThan(0);
    expect(rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)).toEqual([{ n: 0 }]);
  });

  it("keeps no message text anywhere: not in the database files, not in the logs (after the previous steps)", async () => {
    await h.app.stop();
    const bytes = h.storedText();
    expect(bytes).not.toContain(CANARY);
    expect(bytes).not.toContain("Pipeline ist wieder");
    expect(h.logs.join("")).not.toContain(CANARY);
    expect(h.logs.join("")).toContain("presence baseline complete");
    h = await startHarness({ now: "2026-12-01T10:00:00Z", dir: h.dir });
  });
});
