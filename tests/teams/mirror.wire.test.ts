// The leader mirror in Teams over the wire (issue 12): `mirror start` with @mentions → a
// self-rating card for the leader and an answer card per rater in their language → answers as
// Action.Execute invokes (and one Action.Submit fallback) → the clock closes the round → the
// leader's card equals the hand-computed figures and carries the chart → "Share with my team"
// posts the same aggregate into the leader's team channel (forged shares are refused) → `me`
// shows the last mirror and, after a second round, the trend; a round with two answers shows
// nothing and keeps nothing. The steps build on each other (their names say so).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { pngSize } from "../helpers/png.js";
import { changedTables, snapshotTables } from "../helpers/tables.js";
import {
  channelCommand,
  conversationIdOf,
  executeAction,
  install,
  message,
  postActivity,
  submitAction,
  type TeamsChannel,
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
/** The card an Action.Execute invoke answered with. */
const invokeCard = (res: { body: Record<string, unknown> | null }) =>
  (res.body as { value: Record<string, unknown> }).value;
const TEAM_A: TeamsChannel = { id: "19:team-a@thread.tacv2", teamId: "19:team-a-general@thread.tacv2", name: "Team A" };
const OTHER: TeamsChannel = { id: "19:elsewhere@thread.tacv2", teamId: "19:elsewhere@thread.tacv2", name: "Elsewhere" };
const postsIn = (channel: TeamsChannel) =>
  connector.messages().filter((c) => c.conversationId === channel.id && Array.isArray(c.body.attachments));
/** Every element of a card, nested ones included. */
function elements(card: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      if (typeof v.type === "string") out.push(v);
      Object.values(v).forEach(visit);
    }
  };
  visit(card.body);
  return out;
}
const chartOf = (card: Record<string, unknown>) =>
  elements(card).find((e) => e.type === "Chart.VerticalBar.Grouped") as
    | { data: { legend: string; values: { x: string; y: number }[] }[]; fallback: { url: string } | "drop" }
    | undefined;
const answerRound = async (roundId: string, answers: Record<string, number>[]) => {
  for (const [i, p] of [BEN, CARLA, DAN].entries()) await answer(p, roundId, answers[i]!, p === BEN ? "de" : "en");
};

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

  it("step 5: the results card carries Teams' own chart with the PNG as its fallback, under 28 KB", async () => {
    const call = cardsTo(ANNA).find((c) => JSON.stringify(c.body).includes("3 of 3 people answered"))!;
    expect(Buffer.byteLength(JSON.stringify(call.body))).toBeLessThan(28_000);
    const chart = chartOf(cardOf(call))!;
    // The same figures as the text: self and team per question.
    expect(chart.data).toEqual([
      {
        legend: "Self",
        color: "categoricalMarigold",
        values: [
          { x: "Care", y: 4 },
          { x: "Presence", y: 2 },
          { x: "Importance", y: 4 },
          { x: "Asking", y: 3 },
          { x: "Contact", y: 5 },
        ],
      },
      {
        legend: "Team",
        color: "categoricalBlue",
        values: [
          { x: "Care", y: 4 },
          { x: "Presence", y: 4 },
          { x: "Importance", y: 2.33 },
          { x: "Asking", y: 3 },
          { x: "Contact", y: 4.67 },
        ],
      },
    ]);
    const fallback = chart.fallback as { url: string };
    expect(fallback.url).toMatch(/^data:image\/png;base64,/);
    expect(pngSize(Buffer.from(fallback.url.split(",")[1]!, "base64"))).toEqual({ width: 560, height: 300 });
    const share = (cardOf(call).actions as { verb: string; data: Record<string, unknown> }[])[0]!;
    expect(share).toMatchObject({ verb: "mirror.shareForm", data: { roundId, language: "en" } });
  });

  it("step 6: Share with my team → the leader picks one of their team channels and the same aggregate is posted there; forged shares are refused", async () => {
    const shareForm = (person: TeamsPerson) =>
      post(
        executeAction(connector.url, person, "mirror.shareForm", { verb: "mirror.shareForm", roundId, language: "en" }),
      );
    const share = (person: TeamsPerson, channel: string) =>
      post(
        executeAction(connector.url, person, "mirror.share", {
          verb: "mirror.share",
          roundId,
          language: "en",
          channel,
        }),
      );
    // No team channel named yet: the card says how to name one, and keeps the figures.
    const none = invokeCard(await shareForm(ANNA));
    expect(JSON.stringify(none)).toContain("I don't know your team's channel yet");
    expect(JSON.stringify(none)).toContain("Self 4 · Team 2.3 · Gap +1.7");
    await post(channelCommand(connector.url, ANNA, TEAM_A, "mirror channels"));
    await wait(() =>
      connector
        .messages()
        .find((c) => c.conversationId.startsWith(TEAM_A.id) && String(c.body.text).includes("this channel")),
    );
    const form = invokeCard(await shareForm(ANNA));
    const choice = elements(form).find((e) => e.type === "Input.ChoiceSet" && e.id === "channel")!;
    expect(choice.choices).toEqual([{ title: "Team A", value: TEAM_A.id }]);
    expect((form.actions as { verb: string }[]).map((a) => a.verb)).toEqual(["mirror.share"]);

    // Someone else — another leader, or someone who leads nobody — cannot share Anna's round.
    for (const forger of [BRUNO, STRANGER])
      expect(noticeOf(await share(forger, TEAM_A.id))).toContain("This card belongs to someone else's mirror round");
    // Anna herself cannot post it into a channel that is not one of her team's.
    expect(noticeOf(await share(ANNA, OTHER.id))).toContain("You can share only into your team's channels");
    expect(postsIn(TEAM_A)).toEqual([]);
    expect(postsIn(OTHER)).toEqual([]);

    const done = invokeCard(await share(ANNA, TEAM_A.id));
    expect(JSON.stringify(done)).toContain("Shared — the figures are posted in the channel.");
    expect(JSON.stringify(done)).toContain("Self 4 · Team 2.3 · Gap +1.7"); // the leader keeps their results
    const posted = postsIn(TEAM_A);
    expect(posted).toHaveLength(1);
    const shared = cardOf(posted[0]!);
    const text = JSON.stringify(shared);
    expect(text).toContain("Anna's mirror — how the team sees it");
    expect(text).toContain("3 of 3 people answered. Self is the leader's own view");
    expect(text).toContain("Self 4 · Team 2.3 · Gap +1.7 — ⚠️ Blind spot");
    // The aggregate only: no suggestion addressed to the leader, no one who was asked, no share button.
    expect(text).not.toContain("Try this");
    for (const rater of [BEN, CARLA, DAN]) {
      expect(text).not.toContain(rater.name);
      expect(text).not.toContain(rater.aadObjectId!);
    }
    expect(shared.actions).toBeUndefined();
    expect(chartOf(shared)!.data[1]!.values.map((v) => v.y)).toEqual([4, 4, 2.33, 3, 4.67]);
    expect(Buffer.byteLength(JSON.stringify(posted[0]!.body))).toBeLessThan(28_000);
  });

  it("step 7: `me` offers the last mirror behind a button; it shows the leader's round, and refuses someone who is not a leader", async () => {
    await say(ANNA, "me");
    const me = await wait(() =>
      cardsTo(ANNA)
        .map(cardOf)
        .find((c) => JSON.stringify(c).includes("mirror.showMine")),
    );
    const button = (me.actions as { verb: string; data: Record<string, unknown> }[]).find(
      (a) => a.verb === "mirror.showMine",
    )!;
    const shown = invokeCard(await post(executeAction(connector.url, ANNA, button.verb, button.data)));
    const text = JSON.stringify(shown);
    expect(text).toContain("🪞 Mirror");
    expect(text).toContain("Last round, closed 3 December 2026:");
    expect(text).toContain("Self 4 · Team 2.3 · Gap +1.7 — ⚠️ Blind spot");
    expect(chartOf(shown)).toBeDefined();
    // A person who is not a leader gets no button, and a forged click only the friendly answer.
    await say(STRANGER, "me");
    await wait(() =>
      connector
        .messages()
        .filter((c) => c.conversationId === conversationIdOf(STRANGER))
        .at(-1),
    );
    expect(
      JSON.stringify(connector.messages().filter((c) => c.conversationId === conversationIdOf(STRANGER))),
    ).not.toContain("mirror.showMine");
    const refused = await post(executeAction(connector.url, STRANGER, "mirror.showMine", button.data));
    expect(noticeOf(refused)).toContain("The mirror is for leaders");
  });

  it("step 8: after a second round, `me` shows the team figure across both rounds", async () => {
    await say(ANNA, "mirror start @Ben @Carla @Dan", [BEN, CARLA, DAN]);
    await wait(() => textsTo(ANNA).filter((t) => t.includes("3 people are asked, anonymously"))[1]);
    const second = String(h.rows(`SELECT id FROM MirrorRound WHERE status = 'open'`)[0]!.id);
    await answerRound(second, [
      { care: 5, presence: 5, importance: 4, ask: 4, contact: 5 },
      { care: 5, presence: 4, importance: 4, ask: 4, contact: 5 },
      { care: 5, presence: 4, importance: 4, ask: 4, contact: 4 },
    ]);
    h.clock.advance(10 * DAY);
    await h.app.core.tick();
    await wait(() =>
      cardsTo(ANNA)
        .map(cardOf)
        .filter((c) => JSON.stringify(c).includes("3 of 3 people answered"))
        .at(1),
    );
    const shown = invokeCard(
      await post(executeAction(connector.url, ANNA, "mirror.showMine", { verb: "mirror.showMine", language: "en" })),
    );
    const trend = elements(shown).find((e) => e.type === "FactSet") as { facts: { title: string; value: string }[] };
    expect(JSON.stringify(shown)).toContain("Team figure across rounds");
    // Round 1: care 4, presence 4, importance 2.33, ask 3, contact 4.67; round 2: 5, 4.33, 4, 4, 4.67.
    expect(trend.facts).toEqual([
      { title: "Care", value: "4 → 5" },
      { title: "Presence", value: "4 → 4.3" },
      { title: "Importance", value: "2.3 → 4" },
      { title: "Asking", value: "3 → 4" },
      { title: "Contact", value: "4.7 → 4.7" },
    ]);
  });

  it("step 9: `help` mentions the mirror to a leader, and the quarterly schedule to an admin", async () => {
    await say(ANNA, "help");
    const help = await wait(() => textsTo(ANNA).find((t) => t.includes("What you can type here")));
    expect(help).toContain("`mirror` — your leader mirror");
    await say(ADMIN, "help");
    const adminHelp = await wait(() => textsTo(ADMIN).find((t) => t.includes("Admin commands")));
    expect(adminHelp).toContain("`mirror schedule quarterly|off`");
  });
});

describe("a Teams round below the minimum", () => {
  it("shows only the notice and deletes the two answers", async () => {
    await say(BRUNO, "mirror start @Ben @Carla @Dan", [BEN, CARLA, DAN]);
    await wait(() => textsTo(BRUNO).find((t) => t.includes("3 people are asked")));
    const round = String(h.rows(`SELECT id FROM MirrorRound WHERE status = 'open'`)[0]!.id);
    const share = () =>
      post(executeAction(connector.url, BRUNO, "mirror.shareForm", { verb: "mirror.shareForm", roundId: round }));
    // A forged share of a running round is refused in words.
    expect(noticeOf(await share())).toContain("This round is still running");
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
    // Nothing was shown, so nothing can be shared.
    expect((card.actions as unknown[] | undefined) ?? []).toEqual([]);
    expect(noticeOf(await share())).toContain("There is nothing to share from this round");
  });
});
