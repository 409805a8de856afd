// The leader check-in flow in Teams over the wire: real Bot Framework activities POSTed to
// /api/messages, every reply and proactive message captured by a fake Bot Connector (the
// activities' serviceUrl), the answers checked in the real database.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  conversationIdOf,
  executeAction,
  install,
  membersAdded,
  message,
  postActivity,
  submitAction,
  TENANT,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "de-DE" };
const ANNA: TeamsPerson = {
  id: "29:1anna",
  aadObjectId: "aad-anna",
  name: "Anna",
  locale: "en-US",
  timezone: "Europe/Berlin",
};
const BEN: TeamsPerson = {
  id: "29:1ben",
  aadObjectId: "aad-ben",
  name: "Ben",
  locale: "de-DE",
  timezone: "America/New_York",
};

let h: Harness;
let connector: FakeTeamsConnector;

const rows = (sql: string) => h.rows(sql);
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const say = (person: TeamsPerson, text: string, mentions: { id: string; name: string }[] = []) =>
  post(message(connector.url, person, text, mentions));
const textsTo = (person: TeamsPerson) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationIdOf(person) && typeof c.body.text === "string")
    .map((c) => String(c.body.text));
const cardsTo = (person: TeamsPerson) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationIdOf(person) && Array.isArray(c.body.attachments));
const cardOf = (call: ConnectorCall) =>
  (call.body.attachments as { contentType: string; content: Record<string, unknown> }[])[0]!;

interface CardAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
  fallback?: { type: string; data: Record<string, unknown> };
}
function actionsOf(card: Record<string, unknown>): CardAction[] {
  return (card.body as { type: string; actions?: CardAction[] }[])
    .filter((b) => b.type === "ActionSet")
    .flatMap((b) => b.actions!);
}

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Berlin.
  h = await startHarness({ now: "2026-11-23T08:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  for (const p of [ADMIN, ANNA, BEN]) connector.addUser({ id: p.id, aadObjectId: p.aadObjectId!, name: p.name });
});

afterAll(async () => {
  await h?.stop();
});

describe("Teams check-ins over /api/messages", () => {
  it("stores the conversation reference on installation and greets once, in the person's language", async () => {
    expect((await post(install(connector.url, ANNA))).status).toBe(200);
    // Teams sends a conversationUpdate for the same installation: no second welcome.
    expect((await post(membersAdded(connector.url, ANNA))).status).toBe(200);
    expect((await post(membersAdded(connector.url, BEN))).status).toBe(200);
    expect((await post(install(connector.url, ADMIN))).status).toBe(200);

    expect(textsTo(ANNA)).toHaveLength(1);
    expect(textsTo(ANNA)[0]).toContain("Hi, I'm **Kundennah**");
    expect(textsTo(BEN)[0]).toContain("Hallo, ich bin **Kundennah**");
    const refs = rows(
      `SELECT m.externalId, c.reference, c.active FROM ConversationRef c JOIN Member m ON m.id = c.memberId ORDER BY m.externalId`,
    );
    expect(refs.map((r) => [r.externalId, r.active])).toEqual([
      ["aad-admin", 1],
      ["aad-anna", 1],
      ["aad-ben", 1],
    ]);
    const reference = JSON.parse(String(refs[1]!.reference));
    expect(reference).toMatchObject({
      serviceUrl: connector.url,
      channelId: "msteams",
      conversation: { id: conversationIdOf(ANNA) },
    });
    expect(reference.activityId).toBeUndefined();
    expect(rows(`SELECT externalId, timezone, language FROM Member WHERE externalId = 'aad-ben'`)).toEqual([
      { externalId: "aad-ben", timezone: "America/New_York", language: "de" },
    ]);
  });

  it("lets an admin add leaders by Teams mention and refuses everyone else politely (after the previous steps)", async () => {
    await say(BEN, "leaders add @Anna", [{ id: ANNA.id, name: "Anna" }]);
    expect(textsTo(BEN).at(-1)).toContain("Das dürfen leider nur");

    const res = await say(ADMIN, "<at>Kundennah</at> Leaders add @Anna @Ben", [
      { id: "28:kundennah-bot", name: "Kundennah" },
      { id: ANNA.id, name: "Anna" },
      { id: BEN.id, name: "Ben" },
    ]);
    expect(res.status).toBe(200);
    expect(textsTo(ADMIN).at(-1)).toContain("Als Führungskräfte hinzugefügt: Anna, Ben");
    // Mentions carry the Teams id; the roster gives the AAD object id we key people by.
    expect(rows(`SELECT externalId FROM Member WHERE isLeader ORDER BY externalId`)).toEqual([
      { externalId: "aad-anna" },
      { externalId: "aad-ben" },
    ]);
    expect(connector.delivered("member").map((c) => c.activityId)).toEqual(expect.arrayContaining([ANNA.id, BEN.id]));

    await say(ADMIN, "leaders list");
    expect(textsTo(ADMIN).at(-1)).toContain("**Führungskräfte (2):** Anna, Ben");
  });

  it("nudge-now sends each leader an Adaptive Card 1.5 in their language, proactively (after the previous steps)", async () => {
    await say(ADMIN, "nudge-now");
    await connector.waitFor(() => textsTo(ADMIN).find((t) => t.includes("2 Impuls(e) gesendet")));
    expect(textsTo(ADMIN)).toEqual(
      expect.arrayContaining([expect.stringContaining("Sende den aktuellen Impuls an 2")]),
    );

    const [annaNudge] = cardsTo(ANNA);
    expect(annaNudge!.kind).toBe("send"); // a new message in the personal chat, not a reply
    const attachment = cardOf(annaNudge!);
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment.content).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    // Week 48 of 2026 in the weekly rotation asks the "ask" question; Ben reads it in German.
    expect(JSON.stringify(attachment.content)).toContain(
      "Do I regularly ask my team for customer-focused suggestions?",
    );
    expect(JSON.stringify(cardOf(cardsTo(BEN)[0]!).content)).toContain(
      "Bitte ich die Mitarbeiter regelmäßig um kundenfokussierte Vorschläge?",
    );

    const actions = actionsOf(attachment.content);
    expect(actions.filter((a) => a.verb === "rate").map((a) => a.title)).toEqual([
      "1 · Hardly",
      "2 · Rarely",
      "3 · Partly",
      "4 · Mostly",
      "5 · Fully",
    ]);
    expect(actions.map((a) => a.verb)).toEqual(expect.arrayContaining(["snooze", "skip"]));
    for (const a of actions) {
      expect(a.type).toBe("Action.Execute");
      expect(a.fallback).toMatchObject({ type: "Action.Submit", data: a.data });
    }
    const input = (attachment.content.body as { type: string; id?: string; maxLength?: number }[]).find(
      (b) => b.type === "Input.Text",
    );
    expect(input).toMatchObject({ id: "reflection_ask", maxLength: 2000 });
    expect(
      rows(`SELECT status, messageRef FROM Nudge ORDER BY id`).every((n) => n.status === "sent" && n.messageRef),
    ).toBe(true);
  });

  it("stores an Action.Execute answer and returns the refreshed card, which Teams shows in place (after the previous steps)", async () => {
    const nudgeCall = cardsTo(ANNA)[0]!;
    const rate4 = actionsOf(cardOf(nudgeCall).content).find((a) => a.verb === "rate" && a.data.rating === 4)!;
    const messageId = rows(
      `SELECT n.messageRef FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'aad-anna'`,
    )[0]!.messageRef as string;
    const invoke = executeAction(
      connector.url,
      ANNA,
      "rate",
      { ...rate4.data, reflection_ask: "Asked the *whole* team <at>all</at>" },
      messageId,
    );

    const res = await post(invoke);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const refreshed = JSON.stringify(res.body!.value);
    expect(refreshed).toContain("Your answer: **4 – Mostly**");
    expect(refreshed).toContain("First week of your streak");
    expect(refreshed).toContain("Asked the *whole* team <at>all</at>"); // back in the input field, as plain text
    expect(rows(`SELECT question, week, rating, reflection FROM CheckIn`)).toEqual([
      { question: "ask", week: "2026-W48", rating: 4, reflection: "Asked the *whole* team <at>all</at>" },
    ]);
    // Teams shows the card from the invoke response in place; a second update of the same card
    // would only race it (412), so none is sent.
    expect(connector.delivered("update").filter((c) => c.activityId === messageId)).toEqual([]);

    // Teams retries the very same invoke: nothing new is stored.
    expect((await post(invoke)).status).toBe(200);
    expect(rows(`SELECT COUNT(*) AS n FROM CheckIn`)).toEqual([{ n: 1 }]);
  });

  it("accepts the Action.Submit fallback: a second answer changes the row, never adds one (after the previous steps)", async () => {
    const rate5 = actionsOf(cardOf(cardsTo(ANNA)[0]!).content).find((a) => a.verb === "rate" && a.data.rating === 5)!;
    const messageId =
      cardsTo(ANNA)[0]!.body.id ??
      rows(`SELECT n.messageRef FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'aad-anna'`)[0]!
        .messageRef;
    const updates = connector.delivered("update").length;
    const res = await post(
      submitAction(
        connector.url,
        ANNA,
        { ...rate5.fallback!.data, reflection_ask: "Asked the whole team" },
        String(messageId),
      ),
    );
    expect(res.status).toBe(200);
    expect(rows(`SELECT rating, reflection FROM CheckIn`)).toEqual([{ rating: 5, reflection: "Asked the whole team" }]);
    const update = await connector.waitFor(() => connector.delivered("update")[updates]);
    expect(JSON.stringify(update.body)).toContain("Your answer: **5 – Fully**");
    // The nudge message itself was updated by the core; nothing else was updated twice.
    expect(connector.delivered("update")).toHaveLength(updates + 1);
  });

  it("refuses a reflection over 2000 characters with a friendly hint and keeps the stored answer (after the previous steps)", async () => {
    const rate2 = actionsOf(cardOf(cardsTo(ANNA)[0]!).content).find((a) => a.verb === "rate" && a.data.rating === 2)!;
    const res = await post(
      executeAction(connector.url, ANNA, "rate", { ...rate2.data, reflection_ask: "x".repeat(2001) }),
    );
    expect(JSON.stringify(res.body)).toContain("Please keep it under 2000 characters.");
    expect(rows(`SELECT rating, reflection FROM CheckIn`)).toEqual([{ rating: 5, reflection: "Asked the whole team" }]);
  });

  it("refuses a click on someone else's nudge (after the previous steps)", async () => {
    const rate1 = actionsOf(cardOf(cardsTo(ANNA)[0]!).content).find((a) => a.verb === "rate" && a.data.rating === 1)!;
    const res = await post(executeAction(connector.url, BEN, "rate", rate1.data));
    expect(res.body).toMatchObject({
      type: "application/vnd.microsoft.activity.message",
      value: "Dieser Check-in gehört jemand anderem.",
    });
    expect(rows(`SELECT rating FROM CheckIn`)).toEqual([{ rating: 5 }]);
  });

  it("snooze and skip update the card (after the previous steps)", async () => {
    const benCard = cardOf(cardsTo(BEN)[0]!).content;
    const snooze = actionsOf(benCard).find((a) => a.verb === "snooze")!;
    const res = await post(executeAction(connector.url, BEN, "snooze", snooze.data));
    expect(JSON.stringify(res.body)).toContain("Verschoben. Ich frage morgen um 03:00 Uhr wieder.");
    expect(
      rows(`SELECT n.status FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'aad-ben'`),
    ).toEqual([{ status: "snoozed" }]);
  });

  it("answers checkin, me, pause and resume in the personal chat (after the previous steps)", async () => {
    await say(ANNA, "checkin");
    const checkin = cardOf(cardsTo(ANNA).at(-1)!).content;
    expect(JSON.stringify(checkin)).toContain("Your answer: **5 – Fully**");

    await say(ANNA, "me");
    const overview = JSON.stringify(cardOf(cardsTo(ANNA).at(-1)!).content);
    expect(overview).toContain("Your customer focus — last 12 weeks");
    expect(overview).toContain("Asking");

    await say(ANNA, "pause 2w");
    expect(textsTo(ANNA).at(-1)).toContain("Paused. No nudges until 7 December 2026");
    expect(textsTo(ANNA).at(-1)).toContain("`resume` brings them back");
    await say(ANNA, "RESUME");
    expect(textsTo(ANNA).at(-1)).toContain("your nudges are on again");

    await say(ANNA, "help");
    expect(textsTo(ANNA).at(-1)).toContain("`pause 2w`");
    expect(textsTo(ANNA).at(-1)).not.toContain("leaders add");
    await say(ANNA, "dance `now` <b>please</b>");
    expect(textsTo(ANNA).at(-1)).toContain("I don't know `dance ʼnowʼ please`");
  });

  it("shows Teams check-ins in the export CLI (after the previous steps)", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["bin/kundennah.mjs", "export", "checkins", "--format", "csv"],
      {
        env: { ...process.env, DATABASE_URL: h.databaseUrl },
      },
    );
    expect(stdout).toContain(`teams,${TENANT},aad-anna,Anna,ask,2026-W48,5,Asked the whole team,`);
  });

  it("never writes reflections or message text into the logs (after the previous steps)", () => {
    const logs = h.logs.join("");
    expect(logs).not.toContain("Asked the");
    expect(logs).not.toContain("dance");
  });
});
