// One gentle reminder in Teams over /api/messages: a nudge card left unanswered gets one short
// line in the personal chat the next working day at the nudge time — no second card, never
// twice, not after an answer, not to a paused leader, not with `reminders off`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  conversationIdOf,
  executeAction,
  install,
  message,
  postActivity,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna", locale: "en-US" };
const CARA: TeamsPerson = { id: "29:1cara", aadObjectId: "aad-cara", name: "Cara", locale: "en-US" };
const PAUL: TeamsPerson = { id: "29:1paul", aadObjectId: "aad-paul", name: "Paul", locale: "de-DE" };
const DORA: TeamsPerson = { id: "29:1dora", aadObjectId: "aad-dora", name: "Dora", locale: "de-DE" };

let h: Harness;
let connector: FakeTeamsConnector;

const post = (body: unknown) => postActivity(h.messagesUrl, body);
const say = (person: TeamsPerson, text: string, mentions: { id: string; name: string }[] = []) =>
  post(message(connector.url, person, text, mentions));
const to = (person: TeamsPerson) => connector.messages().filter((c) => c.conversationId === conversationIdOf(person));
const cardsTo = (person: TeamsPerson) => to(person).filter((c) => Array.isArray(c.body.attachments));
const remindersTo = (person: TeamsPerson) => to(person).filter((c) => String(c.body.text ?? "").startsWith("⏰"));
const allReminders = () => [ANNA, CARA, PAUL, DORA].flatMap(remindersTo);
const rateAction = (call: ConnectorCall) => {
  const card = (
    call.body.attachments as {
      content: { body: { type: string; actions?: { verb: string; data: Record<string, unknown> }[] }[] };
    }[]
  )[0]!.content;
  return card.body
    .filter((b) => b.type === "ActionSet")
    .flatMap((b) => b.actions!)
    .find((a) => a.verb === "rate" && a.data.rating === 4)!;
};

beforeAll(async () => {
  // Sunday 22 November 2026; the weekly nudge goes out Mondays 09:00 Berlin.
  h = await startHarness({ now: "2026-11-22T10:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  for (const p of [ADMIN, ANNA, CARA, PAUL, DORA]) {
    connector.addUser({ id: p.id, aadObjectId: p.aadObjectId!, name: p.name });
    await post(install(connector.url, p));
  }
  const people = [ANNA, CARA, PAUL, DORA];
  await say(
    ADMIN,
    `leaders add ${people.map((p) => `@${p.name}`).join(" ")}`,
    people.map((p) => ({ id: p.id, name: p.name })),
  );
  expect(h.rows(`SELECT COUNT(*) AS n FROM Member WHERE isLeader`)).toEqual([{ n: 4 }]);
});

afterAll(async () => {
  await h?.stop();
});

describe("the one gentle reminder (Teams)", () => {
  it("reminds only the leaders who left Monday's card alone, on Tuesday at the nudge time, once", async () => {
    h.clock.set("2026-11-23T08:00:00Z"); // Monday 09:00 Berlin
    expect(await h.app.core.tick()).toMatchObject({ sent: 4 });
    expect((await post(executeAction(connector.url, CARA, "rate", rateAction(cardsTo(CARA)[0]!).data))).status).toBe(
      200,
    );
    await say(PAUL, "pause 2w");
    expect(
      h.rows(`SELECT n.status FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'aad-cara'`),
    ).toEqual([{ status: "answered" }]);

    h.clock.set("2026-11-24T07:59:00Z");
    await h.app.core.tick();
    expect(allReminders()).toHaveLength(0);

    // Tuesday 09:00, two replicas ticking at once: one line each for Anna and Dora.
    h.clock.set("2026-11-24T08:00:00Z");
    const cardsBefore = [ANNA, DORA].map((p) => cardsTo(p).length);
    await Promise.all([h.app.core.tick(), h.app.core.tick()]);
    expect(remindersTo(ANNA).map((c) => c.body.text)).toEqual([
      "⏰ Still a minute for this week's question? It's right above — one click is enough.",
    ]);
    expect(remindersTo(DORA).map((c) => c.body.text)).toEqual([
      "⏰ Noch eine Minute für die Frage dieser Woche? Sie steht direkt darüber — ein Klick genügt.",
    ]);
    expect(remindersTo(ANNA)[0]!.kind).toBe("send");
    // No second card stacked under the first.
    expect([ANNA, DORA].map((p) => cardsTo(p).length)).toEqual(cardsBefore);
    expect(remindersTo(CARA)).toHaveLength(0);
    expect(remindersTo(PAUL)).toHaveLength(0);

    for (const at of ["2026-11-25T08:00:00Z", "2026-11-26T08:00:00Z"]) {
      h.clock.set(at);
      await h.app.core.tick();
    }
    expect(allReminders()).toHaveLength(2);
  });

  it("sends none while an admin has switched reminders off, with the same words as in Slack", async () => {
    await say(ADMIN, "reminders off");
    await connector.waitFor(() => to(ADMIN).find((c) => String(c.body.text).includes("Reminders are off")));
    h.clock.set("2026-11-30T08:00:00Z");
    await h.app.core.tick();
    h.clock.set("2026-12-01T08:00:00Z");
    await h.app.core.tick();
    expect(allReminders()).toHaveLength(2);
    await say(ADMIN, "help");
    await connector.waitFor(() => to(ADMIN).find((c) => String(c.body.text).includes("`reminders on|off`")));
  });
});
