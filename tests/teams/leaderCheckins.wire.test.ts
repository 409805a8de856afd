// Who may check in, and for which week, over /api/messages: only leaders, and only for the week
// the server chooses — whatever a card payload claims. A check-in that counts for the wrong
// person or week would move the digest's leader figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  conversationIdOf,
  executeAction,
  install,
  message,
  postActivity,
  submitAction,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna", locale: "en-US" };
const BEN: TeamsPerson = { id: "29:1ben", aadObjectId: "aad-ben", name: "Ben", locale: "de-DE" };
const CARL: TeamsPerson = { id: "29:1carl", aadObjectId: "aad-carl", name: "Carl", locale: "en-US" };
const NOAH: TeamsPerson = { id: "29:1noah", aadObjectId: "aad-noah", name: "Noah", locale: "en-GB" };
const NINA: TeamsPerson = { id: "29:1nina", aadObjectId: "aad-nina", name: "Nina", locale: "de-DE" };

let h: Harness;
let connector: FakeTeamsConnector;

const rows = (sql: string) => h.rows(sql);
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const say = (person: TeamsPerson, text: string, mentions: { id: string; name: string }[] = []) =>
  post(message(connector.url, person, text, mentions));
const to = (person: TeamsPerson) => connector.messages().filter((c) => c.conversationId === conversationIdOf(person));
const textsTo = (person: TeamsPerson) =>
  to(person).flatMap((c) => (typeof c.body.text === "string" ? [c.body.text] : []));
const cardsTo = (person: TeamsPerson) => to(person).filter((c) => Array.isArray(c.body.attachments));
const checkIns = () =>
  rows(
    `SELECT m.externalId AS who, c.question, c.week, c.rating FROM CheckIn c JOIN Member m ON m.id = c.memberId ORDER BY m.externalId, c.week`,
  );
const nudgeOf = (person: TeamsPerson) =>
  String(
    rows(`SELECT n.id FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = '${person.aadObjectId}'`)[0]!
      .id,
  );

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Berlin: week 48 asks the "ask" question.
  h = await startHarness({ now: "2026-11-23T08:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  for (const p of [ADMIN, ANNA, BEN, CARL, NOAH, NINA]) {
    connector.addUser({ id: p.id, aadObjectId: p.aadObjectId!, name: p.name });
    await post(install(connector.url, p));
  }
  await say(ADMIN, "leaders add @Anna @Ben", [
    { id: ANNA.id, name: "Anna" },
    { id: BEN.id, name: "Ben" },
  ]);
  await say(ADMIN, "nudge-now");
  await connector.waitFor(() => cardsTo(ANNA).length === 1 && cardsTo(BEN).length === 1);
  // Carl becomes a leader after this week's nudges went out: he has no nudge for week 48.
  await say(ADMIN, "leaders add @Carl", [{ id: CARL.id, name: "Carl" }]);
});

afterAll(async () => {
  await h?.stop();
});

describe("Teams check-ins are for leaders, for the week the server chooses", () => {
  it("answers a non-leader's checkin with a friendly refusal in their language instead of a card", async () => {
    await say(NOAH, "checkin");
    expect(textsTo(NOAH).at(-1)).toContain("Check-ins are for leaders");
    await say(NINA, "checkin");
    expect(textsTo(NINA).at(-1)).toContain("Check-ins sind für Führungskräfte");
    expect(cardsTo(NOAH)).toEqual([]);
    expect(cardsTo(NINA)).toEqual([]);
  });

  it("stores nothing from a non-leader's card action, whatever week it names", async () => {
    const forged = { verb: "rate", nudgeId: null, week: "2026-W48", question: "ask", rating: 5 };
    const execute = await post(executeAction(connector.url, NOAH, "rate", forged));
    expect(execute.body).toMatchObject({ type: "application/vnd.microsoft.activity.message" });
    expect(String(execute.body!.value)).toContain("Check-ins are for leaders");
    await post(submitAction(connector.url, NINA, { ...forged, week: "2026-W47" }));
    expect(textsTo(NINA).at(-1)).toContain("Check-ins sind für Führungskräfte");
    // Another leader's nudge is not a way in either.
    const borrowed = await post(executeAction(connector.url, NOAH, "rate", { ...forged, nudgeId: nudgeOf(ANNA) }));
    expect(String(borrowed.body!.value)).toContain("belongs to someone else");
    expect(checkIns()).toEqual([]);
  });

  it("never lets a leader's card payload choose the week or borrow another leader's nudge", async () => {
    // Anna names an old week and no nudge: the answer goes to this week's nudge of hers.
    const res = await post(
      executeAction(connector.url, ANNA, "rate", {
        verb: "rate",
        nudgeId: null,
        week: "2026-W40",
        question: "ask",
        rating: 3,
      }),
    );
    expect(JSON.stringify(res.body)).toContain("Your answer: **3 – Partly**");
    // Ben's nudge id with Anna's identity is refused.
    const borrowed = await post(
      executeAction(connector.url, ANNA, "rate", { verb: "rate", nudgeId: nudgeOf(BEN), question: "ask", rating: 1 }),
    );
    expect(String(borrowed.body!.value)).toContain("belongs to someone else");
    // Carl has no nudge this week; his free check-in is stored for the current week, not the one he names.
    await post(
      submitAction(connector.url, CARL, { verb: "rate", nudgeId: null, week: "2026-W52", question: "ask", rating: 4 }),
    );
    // A question this week does not ask is not taken either.
    const other = await post(
      executeAction(connector.url, CARL, "rate", {
        verb: "rate",
        nudgeId: null,
        week: "2026-W48",
        question: "care",
        rating: 5,
      }),
    );
    expect(String(other.body!.value)).toContain("no longer available");

    expect(checkIns()).toEqual([
      { who: "aad-anna", question: "ask", week: "2026-W48", rating: 3 },
      { who: "aad-carl", question: "ask", week: "2026-W48", rating: 4 },
    ]);
    expect(
      rows(`SELECT c.nudgeId FROM CheckIn c JOIN Member m ON m.id = c.memberId WHERE m.externalId = 'aad-anna'`),
    ).toEqual([{ nudgeId: nudgeOf(ANNA) }]);
  });

  it("still gives a leader the card for this week's question (after the previous steps)", async () => {
    await say(CARL, "checkin");
    const card = JSON.stringify(cardsTo(CARL).at(-1)!.body.attachments);
    expect(card).toContain("Do I regularly ask my team for customer-focused suggestions?");
    expect(card).toContain("Your answer: **4 – Mostly**");
  });
});
