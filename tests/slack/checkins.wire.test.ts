// The leader check-in flow over the wire: signed Slack requests into the real server, the
// bot's Web API calls captured by a fake Slack, the answers checked in the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  buttonClick,
  eventCallback,
  FORM,
  JSON_TYPE,
  post,
  sign,
  slashCommand,
  viewSubmission,
} from "../helpers/slackRequests.js";

let h: Harness;

const rows = (sql: string) => h.rows(sql);
const command = (name: string, text: string, user: string, reply: string) =>
  post(h.eventsUrl, sign(slashCommand(name, text, user, h.slack.responseUrl(reply)), FORM));
const replyTo = (name: string, index = 0) =>
  h.slack.waitFor(() => h.slack.responses.filter((r) => r.path === `/response/${name}`)[index]?.body);

function buttonsOf(blocks: unknown): { action_id: string; value: string; text: { text: string } }[] {
  return (blocks as { type: string; elements?: unknown[] }[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as { action_id: string; value: string; text: { text: string } }[]);
}

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Berlin.
  h = await startHarness({ now: "2026-11-23T08:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, tz: "Europe/Berlin", locale: "de-DE" });
  h.slack.addUser({ id: "UANNA", tz: "Europe/Berlin", locale: "en-US", real_name: "Anna" });
  h.slack.addUser({ id: "UBEN", tz: "America/New_York", locale: "de-DE", real_name: "Ben" });
  h.slack.addUser({ id: "UBOB", tz: "Europe/Berlin", locale: "en-GB" });
});

afterAll(async () => {
  await h?.stop();
});

describe("Slack check-ins over signed HTTP", () => {
  it("lets an admin add leaders and refuses everyone else politely", async () => {
    const res = await command("/cx-admin", "leaders add <@UANNA|anna> <@UBEN|ben>", "UADMIN", "add");
    expect(res.status).toBe(200);
    expect(String((await replyTo("add")).text)).toContain("Als Führungskräfte hinzugefügt: <@UANNA>, <@UBEN>");
    expect(rows(`SELECT externalId, timezone, language FROM Member WHERE isLeader ORDER BY externalId`)).toEqual([
      { externalId: "UANNA", timezone: "Europe/Berlin", language: "en" },
      { externalId: "UBEN", timezone: "America/New_York", language: "de" },
    ]);

    await command("/cx-admin", "leaders add <@UBOB|bob>", "UBOB", "refused");
    expect(String((await replyTo("refused")).text)).toMatch(/only workspace admins/);
    expect(rows(`SELECT * FROM Member WHERE externalId = 'UBOB' AND isLeader`)).toHaveLength(0);

    // An admin can name more admins; then Bob may, and after removal he may not again.
    await command("/cx-admin", "admins add <@UBOB|bob>", "UADMIN", "admins-add");
    expect(String((await replyTo("admins-add")).text)).toContain("<@UBOB>");
    await command("/cx-admin", "leaders list", "UBOB", "bob-list");
    expect(String((await replyTo("bob-list")).text)).toContain("<@UANNA>");
    await command("/cx-admin", "admins remove <@UBOB|bob>", "UADMIN", "admins-remove");
    await replyTo("admins-remove");
    await command("/cx-admin", "leaders list", "UBOB", "bob-list-2");
    expect(String((await replyTo("bob-list-2")).text)).toMatch(/only workspace admins/);
  });

  it("nudge-now sends each leader a DM with five labelled rating buttons, snooze and skip (after the previous steps)", async () => {
    await command("/cx-admin", "nudge-now", "UADMIN", "nudge");
    expect(String((await replyTo("nudge", 1)).text)).toContain("2 Impuls(e) gesendet");
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UANNA")!;
    expect(dm.token).toBe("xoxb-test-token");
    const buttons = buttonsOf(dm.args.blocks);
    expect(buttons.filter((b) => b.action_id.startsWith("rate:")).map((b) => b.text.text)).toEqual([
      "1 · Hardly",
      "2 · Rarely",
      "3 · Partly",
      "4 · Mostly",
      "5 · Fully",
    ]);
    expect(buttons.map((b) => b.action_id)).toEqual(
      expect.arrayContaining(["nudge_reflect", "nudge_snooze", "nudge_skip"]),
    );
    // Week 48 of 2026 in the weekly rotation asks the "ask" question; Ben reads it in German.
    expect(JSON.stringify(dm.args.blocks)).toContain("Do I regularly ask my team for customer-focused suggestions?");
    const benDm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UBEN")!;
    expect(JSON.stringify(benDm.args.blocks)).toContain(
      "Bitte ich die Mitarbeiter regelmäßig um kundenfokussierte Vorschläge?",
    );
  });

  it("stores a rating click, updates the message in place, and never duplicates on retries (after the previous steps)", async () => {
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UANNA")!;
    const four = buttonsOf(dm.args.blocks).find((b) => b.action_id === "rate:4")!;
    const click = buttonClick({
      userId: "UANNA",
      actionId: "rate:4",
      value: four.value,
      blockId: "q:ask",
      channel: "DANNA",
      ts: "1700000001.000100",
      responseUrl: h.slack.responseUrl("click"),
    });
    const signed = sign(click, FORM);

    const updatesBefore = h.slack.callsOf("chat.update").length;
    expect((await post(h.eventsUrl, signed)).status).toBe(200);
    const update = await h.slack.waitFor(() => h.slack.callsOf("chat.update")[updatesBefore]);
    expect(update.args.channel).toBe("DANNA");
    expect(JSON.stringify(update.args.blocks)).toContain("Your answer: *4 – Mostly*");
    expect(JSON.stringify(update.args.blocks)).toContain("First week of your streak");
    expect(rows(`SELECT question, week, rating FROM CheckIn`)).toEqual([
      { question: "ask", week: "2026-W48", rating: 4 },
    ]);

    // Slack retries the very same request: nothing new is stored.
    expect((await post(h.eventsUrl, signed)).status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsOf("chat.update")[updatesBefore + 1]);
    expect(rows(`SELECT COUNT(*) AS n FROM CheckIn`)).toEqual([{ n: 1 }]);

    // A second click with another rating changes the answer instead of adding one.
    const five = buttonsOf(dm.args.blocks).find((b) => b.action_id === "rate:5")!;
    await post(
      h.eventsUrl,
      sign(
        buttonClick({
          userId: "UANNA",
          actionId: "rate:5",
          value: five.value,
          blockId: "q:ask",
          channel: "DANNA",
          ts: "1700000001.000100",
          responseUrl: h.slack.responseUrl("click"),
        }),
        FORM,
      ),
    );
    await h.slack.waitFor(() => h.slack.callsOf("chat.update")[updatesBefore + 2]);
    expect(rows(`SELECT rating FROM CheckIn`)).toEqual([{ rating: 5 }]);
  });

  it("rejects forged and stale signatures with 401 and stores nothing (after the previous steps)", async () => {
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UANNA")!;
    const one = buttonsOf(dm.args.blocks).find((b) => b.action_id === "rate:1")!;
    const click = buttonClick({
      userId: "UANNA",
      actionId: "rate:1",
      value: one.value,
      blockId: "q:ask",
      channel: "DANNA",
      ts: "1700000001.000100",
      responseUrl: h.slack.responseUrl("forged"),
    });
    const calls = h.slack.calls.length;

    expect((await post(h.eventsUrl, sign(click, FORM, { secret: "not-the-signing-secret" }))).status).toBe(401);
    const staleTimestamp = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await post(h.eventsUrl, sign(click, FORM, { timestamp: staleTimestamp }))).status).toBe(401);
    const tampered = sign(click, FORM);
    expect((await post(h.eventsUrl, { ...tampered, body: tampered.body.replace("rate%3A1", "rate%3A2") })).status).toBe(
      401,
    );

    await new Promise((r) => setTimeout(r, 100));
    expect(rows(`SELECT rating FROM CheckIn`)).toEqual([{ rating: 5 }]);
    expect(h.slack.calls.length).toBe(calls);
  });

  it("refuses a click on someone else's nudge (after the previous steps)", async () => {
    const benDm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UBEN")!;
    const button = buttonsOf(benDm.args.blocks).find((b) => b.action_id === "rate:2")!;
    await post(
      h.eventsUrl,
      sign(
        buttonClick({
          userId: "UANNA",
          actionId: "rate:2",
          value: button.value,
          channel: "DBEN",
          ts: "1",
          responseUrl: h.slack.responseUrl("other"),
        }),
        FORM,
      ),
    );
    expect(String((await replyTo("other")).text)).toBe("This check-in belongs to someone else.");
    expect(rows(`SELECT COUNT(*) AS n FROM CheckIn`)).toEqual([{ n: 1 }]);
  });

  it("opens the reflection modal and validates its length with a friendly error (after the previous steps)", async () => {
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UANNA")!;
    const reflect = buttonsOf(dm.args.blocks).find((b) => b.action_id === "nudge_reflect")!;
    await post(
      h.eventsUrl,
      sign(
        buttonClick({
          userId: "UANNA",
          actionId: "nudge_reflect",
          value: reflect.value,
          channel: "DANNA",
          ts: "1700000001.000100",
          responseUrl: h.slack.responseUrl("reflect"),
        }),
        FORM,
      ),
    );
    const open = await h.slack.waitFor(() => h.slack.callsOf("views.open")[0]);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe("checkin_modal");
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(["rating:ask", "reflection:ask"]);

    const submit = (reflection: string) =>
      post(
        h.eventsUrl,
        sign(
          viewSubmission({
            userId: "UANNA",
            callbackId: "checkin_modal",
            privateMetadata: view.private_metadata,
            values: {
              "rating:ask": {
                value: {
                  type: "radio_buttons",
                  selected_option: { value: "4", text: { type: "plain_text", text: "4" } },
                },
              },
              "reflection:ask": { value: { type: "plain_text_input", value: reflection } },
            },
          }),
          FORM,
        ),
      );
    const tooLong = await submit("x".repeat(2001));
    expect(tooLong.status).toBe(200);
    expect(JSON.parse(tooLong.text)).toEqual({
      response_action: "errors",
      errors: { "reflection:ask": "Please keep it under 2000 characters." },
    });
    expect(rows(`SELECT rating, reflection FROM CheckIn`)).toEqual([{ rating: 5, reflection: null }]);

    // NUL (which PostgreSQL cannot store) and other control characters are dropped, not refused.
    const ok = await submit("  Called two\u0000 customers after the outage.\u0007  ");
    expect(ok.status).toBe(200);
    await h.slack.waitFor(() => rows(`SELECT reflection FROM CheckIn WHERE reflection IS NOT NULL`)[0]);
    expect(rows(`SELECT rating, reflection FROM CheckIn`)).toEqual([
      { rating: 4, reflection: "Called two customers after the outage." },
    ]);
    // Reflection text never reaches the logs.
    expect(h.logs.join("")).not.toContain("Called two customers");
  });

  it("snoozes until tomorrow at the same local time, then delivers again (after the previous steps)", async () => {
    const benDm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "UBEN")!;
    const snooze = buttonsOf(benDm.args.blocks).find((b) => b.action_id === "nudge_snooze")!;
    h.clock.set("2026-11-23T14:30:00Z"); // 09:30 in New York
    await post(
      h.eventsUrl,
      sign(
        buttonClick({
          userId: "UBEN",
          actionId: "nudge_snooze",
          value: snooze.value,
          channel: "DBEN",
          ts: "1700000002.000100",
          responseUrl: h.slack.responseUrl("snooze"),
        }),
        FORM,
      ),
    );
    const update = await h.slack.waitFor(() => h.slack.callsOf("chat.update").find((c) => c.args.channel === "DBEN"));
    expect(JSON.stringify(update.args.blocks)).toContain("Ich frage morgen um 09:30 Uhr wieder.");

    const before = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "UBEN").length;
    h.clock.set("2026-11-24T14:29:00Z");
    await h.app.core.nudges.tick();
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "UBEN")).toHaveLength(before);
    h.clock.set("2026-11-24T14:30:00Z");
    await h.app.core.nudges.tick();
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "UBEN")).toHaveLength(before + 1);
  });

  it("/cx-checkin opens the current question; /cx-me shows the private trend (after the previous steps)", async () => {
    h.clock.set("2026-11-24T10:00:00Z");
    const opens = h.slack.callsOf("views.open").length;
    await command("/cx-checkin", "", "UANNA", "checkin");
    const open = await h.slack.waitFor(() => h.slack.callsOf("views.open")[opens]);
    expect(JSON.stringify(open.args.view)).toContain("Do I regularly ask my team for customer-focused suggestions?");

    await command("/cx-me", "", "UANNA", "me");
    const me = await replyTo("me");
    expect(me.response_type).toBe("ephemeral");
    expect(JSON.stringify(me.blocks)).toMatch(/Asking\* {2}`·{11}▆` {2}avg 4/);
    expect(JSON.stringify(me.blocks)).toContain("First week of your streak");
  });

  it("/cx-me pause 2w and resume (after the previous steps)", async () => {
    await command("/cx-me", "pause 2w", "UANNA", "pause");
    expect(String((await replyTo("pause")).text)).toContain("No nudges until 8 December 2026");
    expect(rows(`SELECT pausedUntil FROM Member WHERE externalId = 'UANNA'`)[0]!.pausedUntil).not.toBeNull();
    await command("/cx-me", "pause forever", "UANNA", "pause-bad");
    expect(String((await replyTo("pause-bad")).text)).toContain("/cx-me pause 2w");
    await command("/cx-me", "resume", "UANNA", "resume");
    expect(String((await replyTo("resume")).text)).toContain("Welcome back");
    expect(rows(`SELECT pausedUntil FROM Member WHERE externalId = 'UANNA'`)).toEqual([{ pausedUntil: null }]);
  });

  it("publishes the App Home with the same overview (after the previous steps)", async () => {
    const res = await post(
      h.eventsUrl,
      sign(
        eventCallback({
          type: "app_home_opened",
          user: "UANNA",
          channel: "DANNA",
          tab: "home",
          event_ts: "1700000003.000100",
        }),
        JSON_TYPE,
      ),
    );
    expect(res.status).toBe(200);
    const publish = await h.slack.waitFor(() => h.slack.callsOf("views.publish")[0]);
    expect(publish.args.user_id).toBe("UANNA");
    expect(JSON.stringify(publish.args.view)).toContain("Next nudge: Monday 30 November");
  });

  it("changes the schedule by command and answers Slack's url_verification", async () => {
    await command("/cx-admin", "schedule workdays 08:30", "UADMIN", "schedule");
    expect(String((await replyTo("schedule")).text)).toContain("Jeden Werktag");
    expect(rows(`SELECT cadence, nudgeMinute FROM Workspace`)).toEqual([{ cadence: "workdays", nudgeMinute: 510 }]);

    await command("/cx-admin", "frobnicate", "UADMIN", "unknown");
    expect(String((await replyTo("unknown")).text)).toContain("`frobnicate` kenne ich nicht");

    const challenge = await post(
      h.eventsUrl,
      sign(JSON.stringify({ token: "x", challenge: "abc123", type: "url_verification" }), JSON_TYPE),
    );
    expect(challenge.text).toContain("abc123");
  });

  it("survives a malformed interactivity payload and stays healthy", async () => {
    const res = await post(h.eventsUrl, sign("payload=%7Bnot-json", FORM));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const health = await fetch(`${h.app.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "ok", slack: "ok" });
  });
});
