// The leader mirror in Teams over the wire (issue 12): `mirror start` with @mentions → a
// self-rating card for the leader and an answer card per rater in their language → answers as
// Action.Execute invokes (and one Action.Submit fallback) → the clock closes the round → the
// leader's card equals the hand-computed figures; a round with two answers shows nothing and
// keeps nothing. The steps build on each other (their names say so).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { changedTables, snapshotTables } from "../helpers/tables.js";
import {
  conversationIdOf,
  executeAction,
  install,
  message,
  postActivity,
  submitAction,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const DAY = 86400_000;
const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const ANNA: TeamsPerson = {
  id: "29:1anna",
  aadObjectId: "aad-anna",
  name: "Anna",
  locale: "en-US",
  timezone: "Europe/Berlin",
};
const BRUNO: TeamsPerson = {
  id: "29:1bruno",
  aadObjectId: "aad-bruno",
  name: "Bruno",
  locale: "en-US",
  timezone: "Europe/Berlin",
};
const BEN: TeamsPerson = { id: "29:1ben", aadObjectId: "aad-ben", name: "Ben", locale: "de-DE" };
const CARLA: TeamsPerson = { id: "29:1carla", aadObjectId: "aad-carla", name: "Carla", locale: "en-US" };
const DAN: TeamsPerson = { id: "29:1dan", aadObjectId: "aad-dan", name: "Dan", locale: "en-US" };
const STRANGER: TeamsPerson = { id: "29:1stranger", aadObjectId: "aad-stranger", name: "Stranger", locale: "en-US" };

let h: Harness;
let connector: FakeTeamsConnector;
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const mention = (p: TeamsPerson) => ({ id: p.id, name: p.name! });
const say = (person: TeamsPerson, text: string, mentions: TeamsPerson[] = []) =>
  post(message(connector.url, person, text, mentions.map(mention)));
const textsTo = (person: TeamsPerson) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationIdOf(person) && typeof c.body.text === "string")
    .map((c) => String(c.body.text));
const cardsTo = (person: TeamsPerson) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationIdOf(person) && Array.isArray(c.body.attachments));
const cardOf = (call: ConnectorCall) => (call.body.attachments as { content: Record<string, unknown> }[])[0]!.content;
const wait = <T>(probe: () => T | undefined | false | null) => connector.waitFor(probe, 20_000);
const answer = (person: TeamsPerson, roundId: string, values: Record<string, number>, language = "en") =>
  post(
    executeAction(connector.url, person, "mirror.answer", {
      verb: "mirror.answer",
      roundId,
      language,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
    }),
  );
const noticeOf = (res: { body: Record<string, unknown> | null }) => JSON.stringify(res.body);

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T08:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  for (const p of [ADMIN, ANNA, BRUNO, BEN, CARLA, DAN, STRANGER]) {
    connector.addUser({ id: p.id, aadObjectId: p.aadObjectId!, name: p.name });
    await post(install(connector.url, p));
  }
  await say(ADMIN, "leaders add @Anna @Bruno", [ANNA, BRUNO]);
  await wait(() => textsTo(ADMIN).find((t) => t.includes("Anna")));
});

afterAll(async () => {
  await h?.stop();
});

describe("the mirror in Teams, step by step", () => {
  let roundId = "";

  it("step 1: refuses too few people and a non-leader, storing nothing", async () => {
    const before = snapshotTables(h.databaseUrl);
    await say(ANNA, "mirror start @Ben @Carla", [BEN, CARLA]);
    await wait(() => textsTo(ANNA).find((t) => t.includes("Please name at least 3 people")));
    await say(STRANGER, "mirror start @Ben @Carla @Dan", [BEN, CARLA, DAN]);
    await wait(() => textsTo(STRANGER).find((t) => t.includes("The mirror is for leaders")));
    const changed = Object.keys(changedTables(before, snapshotTables(h.databaseUrl)));
    // Writing to the bot refreshes the writer's own member row (as every Teams command does); no mirror row appears.
    expect(changed.filter((t) => t.startsWith("Mirror") || t === "OutboxMessage")).toEqual([]);
  });

  it("step 2: `mirror start` with three mentions → a self-rating card and an answer card per rater, in the rater's language", async () => {
    await say(ANNA, "mirror start @Ben @Carla @Dan", [BEN, CARLA, DAN]);
    await wait(() => textsTo(ANNA).find((t) => t.includes("3 people are asked, anonymously")));
    for (const p of [ANNA, BEN, CARLA, DAN]) await wait(() => cardsTo(p)[0]);
    expect(JSON.stringify(cardOf(cardsTo(ANNA)[0]!))).toContain(
      "Do I show in everyday work that customers' well-being really matters to me?",
    );
    expect(JSON.stringify(cardOf(cardsTo(BEN)[0]!))).toContain(
      "Merkt man Anna im Alltag an, dass das Kundenwohl wirklich zählt?",
    );
    expect(JSON.stringify(cardOf(cardsTo(CARLA)[0]!))).toContain(
      "Does Anna show in everyday work that customers' well-being really matters?",
    );
    roundId = String(h.rows(`SELECT id FROM MirrorRound`)[0]!.id);
    const action = (cardOf(cardsTo(CARLA)[0]!).actions as { data: Record<string, unknown> }[])[0]!;
    expect(action.data).toEqual({ verb: "mirror.answer", roundId, language: "en" });
  });

  it("step 3: the leader rates themselves; raters answer once (one through the Action.Submit fallback); a second and a forged answer are refused", async () => {
    const self = await post(
      executeAction(connector.url, ANNA, "mirror.self", {
        verb: "mirror.self",
        roundId,
        language: "en",
        care: "4",
        presence: "2",
        importance: "4",
        ask: "3",
        contact: "5",
      }),
    );
    expect(noticeOf(self)).toContain("your self-rating is saved");
    const memberBefore = h.rows(`SELECT * FROM Member WHERE externalId = 'aad-ben'`);
    expect(
      noticeOf(await answer(BEN, roundId, { care: 4, presence: 4, importance: 2, ask: 3, contact: 5 }, "de")),
    ).toContain("Danke – deine Antwort ist angekommen");
    // Answering does not touch the rater's member row (no @updatedAt moves when they answer).
    expect(h.rows(`SELECT * FROM Member WHERE externalId = 'aad-ben'`)).toEqual(memberBefore);
    expect(
      noticeOf(await answer(CARLA, roundId, { care: 5, presence: 4, importance: 3, ask: 4, contact: 5 })),
    ).toContain("Thank you — your answer is in");
    await post(
      submitAction(
        connector.url,
        DAN,
        {
          verb: "mirror.answer",
          roundId,
          language: "en",
          care: "3",
          presence: "4",
          importance: "2",
          ask: "2",
          contact: "4",
        },
        "card-dan",
      ),
    );
    await wait(() =>
      connector
        .delivered()
        .find(
          (c) =>
            c.conversationId === conversationIdOf(DAN) &&
            JSON.stringify(c.body).includes("Thank you — your answer is in"),
        ),
    );
    expect(
      noticeOf(await answer(BEN, roundId, { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 }, "de")),
    ).toContain("Du hast in dieser Runde schon geantwortet");
    expect(
      noticeOf(await answer(STRANGER, roundId, { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 })),
    ).toContain("wasn't sent to you");
    expect(
      noticeOf(await answer(CARLA, crypto.randomUUID(), { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 })),
    ).toContain("wasn't sent to you");
  });

  it("step 4: the clock closes the round; the leader's card equals the hand-computed figures", async () => {
    h.clock.advance(10 * DAY);
    await h.app.core.tick();
    const card = await wait(() =>
      cardsTo(ANNA)
        .map(cardOf)
        .find((c) => JSON.stringify(c).includes("3 of 3 people answered")),
    );
    const text = JSON.stringify(card);
    // care (4+5+3)/3 = 4.0 vs self 4 → aligned; presence (4+4+4)/3 = 4.0 vs 2 → hidden strength;
    // importance (2+3+2)/3 = 2.33 vs 4 → gap +1.67, blind spot; ask (3+4+2)/3 = 3.0 vs 3 → aligned;
    // contact (5+5+4)/3 = 4.67 vs 5 → gap +0.33, aligned.
    expect(text).toContain("Self 4 · Team 4 · Gap ±0 — ✅ Aligned");
    expect(text).toContain("Self 2 · Team 4 · Gap −2 — 🌱 Hidden strength");
    expect(text).toContain("Self 4 · Team 2.3 · Gap +1.7 — ⚠️ Blind spot");
    expect(text).toContain("With your next decision, say out loud what it changes for customers");
    expect(text).toContain("Self 3 · Team 3 · Gap ±0 — ✅ Aligned");
    expect(text).toContain("Self 5 · Team 4.7 · Gap +0.3 — ✅ Aligned");
    expect(h.rows(`SELECT status, tally FROM MirrorRound`)).toEqual([{ status: "closed", tally: null }]);
    await h.app.core.tick();
    expect(
      cardsTo(ANNA)
        .map(cardOf)
        .filter((c) => JSON.stringify(c).includes("people answered")),
    ).toHaveLength(1);
  });
});

describe("a Teams round below the minimum", () => {
  it("shows only the notice and deletes the two answers", async () => {
    await say(BRUNO, "mirror start @Ben @Carla @Dan", [BEN, CARLA, DAN]);
    await wait(() => textsTo(BRUNO).find((t) => t.includes("3 people are asked")));
    const round = String(h.rows(`SELECT id FROM MirrorRound WHERE status = 'open'`)[0]!.id);
    await answer(CARLA, round, { care: 5, presence: 5, importance: 5, ask: 5, contact: 5 });
    await answer(DAN, round, { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 });
    h.clock.advance(10 * DAY);
    await h.app.core.tick();
    const card = await wait(() =>
      cardsTo(BRUNO)
        .map(cardOf)
        .find((c) => JSON.stringify(c).includes("Not enough answers")),
    );
    expect(JSON.stringify(card)).not.toMatch(/Team \d/);
    expect(h.rows(`SELECT status, tally, results FROM MirrorRound WHERE id = '${round}'`)).toEqual([
      { status: "withheld", tally: null, results: null },
    ]);
    expect(h.rows(`SELECT * FROM MirrorInvite WHERE roundId = '${round}'`)).toEqual([]);
  });
});
