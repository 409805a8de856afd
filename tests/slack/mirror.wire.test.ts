// The leader mirror over the wire in Slack (issue 12): refusals that store nothing, a round
// with four raters (DMs in each rater's language), a self-rating, three answers, one reminder,
// the clock closing the round and the leader's DM equal to a hand-computed fixture — including
// the conversation evidence from seeded presence signals and /cx-ask — and a round with two
// answers that shows nothing and keeps nothing. The steps of the first describe build on each
// other (their names say so).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../helpers/database.js";
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
import { changedTables, snapshotTables } from "../helpers/tables.js";

let h: Harness;
const DAY = 86400_000;
const command = (name: string, text: string, user: string, reply: string, channel?: string) => {
  const body = slashCommand(name, text, user, h.slack.responseUrl(reply));
  return post(h.eventsUrl, sign(channel ? body.replace("C0GENERAL", channel) : body, FORM));
};
const replyTo = async (name: string) =>
  String((await wait(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body)).text);
const dmsTo = (user: string) => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === user);
const lastDm = (user: string) => dmsTo(user).at(-1);
const blocksText = (call: { args: Record<string, unknown> } | undefined) => JSON.stringify(call?.args.blocks ?? "");

type Answers = Record<"care" | "presence" | "importance" | "ask" | "contact", number>;
const values = (answers: Partial<Answers>) =>
  Object.fromEntries(
    Object.entries(answers).map(([q, v]) => [
      `mirror:${q}`,
      { value: { type: "radio_buttons", selected_option: { value: String(v) } } },
    ]),
  );
const submit = (user: string, callbackId: string, roundId: string, answers: Partial<Answers>, language = "en") =>
  post(
    h.eventsUrl,
    sign(
      viewSubmission({
        userId: user,
        callbackId,
        privateMetadata: JSON.stringify({ roundId, language }),
        values: values(answers),
      }),
      FORM,
    ),
  );
const click = (user: string, actionId: string, value: string) =>
  post(
    h.eventsUrl,
    sign(
      buttonClick({
        userId: user,
        actionId,
        value,
        blockId: "mirror",
        channel: `D${user.slice(1)}`,
        ts: "1700000001.000100",
        responseUrl: h.slack.responseUrl(`${user}-${actionId}`),
      }),
      FORM,
    ),
  );
const tick = () => h.app.core.tick();
/** PostgreSQL under a loaded machine answers slowly; every probe here reads the database through psql. */
const wait = <T>(probe: () => T | undefined | false | null) => h.slack.waitFor(probe, 20_000);
const rounds = () => h.rows(`SELECT * FROM MirrorRound ORDER BY openedAt`);

/** Presence signals as the bot would have stored them: keyed message refs and authors, no text. */
function seedSignals(
  channel: string,
  week: string,
  day: string,
  signals: { author: string; customer: boolean; tone: string | null }[],
) {
  const workspaceId = String(h.rows(`SELECT id FROM Workspace WHERE externalId = 'T0001'`)[0]!.id);
  const sql = signals
    .map(
      (s) =>
        `INSERT INTO "PresenceSignal" ("id", "workspaceId", "channelRef", "messageRef", "day", "week", "customer", "tone", "classifier", "authorHash", "createdAt", "updatedAt")
         VALUES ('${crypto.randomUUID()}', '${workspaceId}', '${channel}', '${crypto.randomUUID()}', '${day}', '${week}', ${s.customer ? "TRUE" : "FALSE"}, ${s.tone ? `'${s.tone}'` : "NULL"}, 'builtin', 'hash-${s.author}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);`,
    )
    .join("\n");
  execute(h.databaseUrl, sql);
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T08:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UANNA", locale: "en-US", tz: "Europe/Berlin", real_name: "Anna" });
  h.slack.addUser({ id: "UBRUNO", locale: "en-US", tz: "Europe/Berlin", real_name: "Bruno" });
  h.slack.addUser({ id: "UBEN", locale: "de-DE", tz: "Europe/Berlin", team_id: "T0001" });
  for (const id of ["UCARLA", "UDAN", "UEVE", "UNOBODY"])
    h.slack.addUser({ id, locale: "en-US", tz: "Europe/Berlin", team_id: "T0001" });
  h.slack.addUser({ id: "UROBOT", is_bot: true });
  h.slack.addUser({ id: "UGONE", deleted: true });
  h.slack.addUser({ id: "UOTHER", team_id: "T0999" });
  await command("/cx-admin", "leaders add <@UANNA|anna> <@UBRUNO|bruno>", "UADMIN", "add");
  await replyTo("add");
});

afterAll(async () => {
  await h?.stop();
});

describe("/cx-mirror refusals store nothing", () => {
  it("refuses a non-leader, too few people, the leader, a bot, someone who left and another workspace — in the person's language", async () => {
    const before = snapshotTables(h.databaseUrl);
    await command("/cx-mirror", "start <@UBEN|ben> <@UCARLA|carla> <@UDAN|dan>", "UNOBODY", "nobody");
    expect(await replyTo("nobody")).toContain("The mirror is for leaders");
    await command("/cx-mirror", "start <@UBEN|ben> <@UCARLA|carla>", "UANNA", "two");
    expect(await replyTo("two")).toContain("Please name at least 3 people");
    await command("/cx-mirror", "start <@UBEN|ben> <@UCARLA|carla> <@UANNA|anna>", "UANNA", "self");
    expect(await replyTo("self")).toContain("please name only other people");
    await command("/cx-mirror", "start <@UBEN|ben> <@UROBOT|robot> <@UGONE|gone> <@UOTHER|other>", "UANNA", "invalid");
    const invalid = await replyTo("invalid");
    expect(invalid).toContain("<@UROBOT> (a bot)");
    expect(invalid).toContain("<@UGONE> (has left)");
    expect(invalid).toContain("<@UOTHER> (another workspace)");
    expect(invalid).toContain("Nothing was started");
    const changes = changedTables(before, snapshotTables(h.databaseUrl));
    // Anna's member row may take her current display name; nothing else is written.
    expect(Object.keys(changes).filter((t) => t !== "Member")).toEqual([]);
    expect(h.rows(`SELECT * FROM Member WHERE externalId = 'UNOBODY'`)).toEqual([]);
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });
});

describe("a mirror round in Slack, step by step", () => {
  let roundId = "";

  it("step 1: the leader names their channels and asks for suggestions; the team sends one (the evidence)", async () => {
    await command("/cx-mirror", "channels <#CTEAM|team> <#CSMALL|small>", "UANNA", "channels");
    expect(await replyTo("channels")).toContain("these 2 channels");
    await command("/cx-ask", "", "UANNA", "ask", "CTEAM");
    await wait(() => h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CTEAM"));
    await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: "UBEN",
          callbackId: "suggestion_modal",
          privateMetadata: JSON.stringify({ language: "de" }),
          values: {
            text: { value: { type: "plain_text_input", value: "Rückruf innerhalb eines Tages" } },
            touchpoint: { value: { type: "static_select", selected_option: { value: "service" } } },
            anonymous: { value: { type: "checkboxes", selected_options: [] } },
          },
        }),
        FORM,
      ),
    );
    await wait(() => h.rows(`SELECT id FROM Suggestion`)[0]);
    // Week 48 (23–29 Nov): CTEAM has 3 writers, 10 messages, 4 about customers (3 appreciative, 1 critical).
    seedSignals("CTEAM", "2026-W48", "2026-11-24", [
      { author: "a", customer: true, tone: "positive" },
      { author: "b", customer: true, tone: "positive" },
      { author: "c", customer: true, tone: "positive" },
      { author: "a", customer: true, tone: "negative" },
      ...Array.from({ length: 6 }, (_, i) => ({ author: ["a", "b", "c"][i % 3]!, customer: false, tone: null })),
    ]);
    // CSMALL: only 2 writers — below the minimum group size, so it must not count.
    seedSignals(
      "CSMALL",
      "2026-W48",
      "2026-11-24",
      Array.from({ length: 5 }, (_, i) => ({ author: ["x", "y"][i % 2]!, customer: true, tone: "negative" })),
    );
  });

  it("step 2: start with four people → the leader's self-rating card and one DM per rater, in the rater's language", async () => {
    await command("/cx-mirror", "start <@UBEN|ben> <@UCARLA|carla> <@UDAN|dan> <@UEVE|eve>", "UANNA", "start");
    expect(await replyTo("start")).toContain("4 people are asked, anonymously, until 3 December 2026");
    for (const user of ["UANNA", "UBEN", "UCARLA", "UDAN", "UEVE"]) await wait(() => lastDm(user));
    expect(blocksText(lastDm("UANNA"))).toContain("Your mirror: how do you see yourself?");
    expect(blocksText(lastDm("UBEN"))).toContain("Wie erlebst du Anna?");
    expect(blocksText(lastDm("UCARLA"))).toContain("How do you see Anna?");
    const [round] = rounds();
    roundId = String(round!.id);
    expect(round).toMatchObject({ status: "open", invited: 4 });
    // The buttons carry the round, and nothing else.
    for (const user of ["UBEN", "UCARLA"]) {
      const button = (lastDm(user)!.args.blocks as { elements?: { value?: string }[] }[])[1]!.elements![0]!;
      expect(button.value).toBe(roundId);
    }
  });

  it("step 3: a second start shows the running round's status instead", async () => {
    await command("/cx-mirror", "start <@UBEN|ben> <@UCARLA|carla> <@UDAN|dan>", "UANNA", "again");
    expect(await replyTo("again")).toContain("A mirror round is already running: 0 of 4 have answered so far");
    expect(rounds()).toHaveLength(1);
  });

  it("step 4: the leader rates themselves in a first-person form", async () => {
    await click("UANNA", "mirror_self_open", roundId);
    const open = await wait(() => h.slack.callsOf("views.open").at(-1));
    expect(JSON.stringify(open.args.view)).toContain(
      "Do I show in everyday work that customers' well-being really matters to me?",
    );
    await submit("UANNA", "mirror_self", roundId, { care: 5, presence: 4, importance: 4, ask: 5, contact: 3 });
    await wait(() => rounds()[0]!.selfRatings);
    expect(JSON.parse(String(rounds()[0]!.selfRatings))).toEqual({
      care: 5,
      presence: 4,
      importance: 4,
      ask: 5,
      contact: 3,
    });
  });

  it("step 5: raters open the third-person form and answer once; an answer touches only the invitation's flag and the round's histogram", async () => {
    await click("UBEN", "mirror_answer_open", roundId);
    const form = await wait(() =>
      h.slack.callsOf("views.open").find((c) => JSON.stringify(c.args.view).includes("Merkt man Anna im Alltag an")),
    );
    const view = form.args.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ roundId, language: "de" });
    expect(JSON.stringify(form.args.view)).toContain("Kann ich nicht beurteilen");

    const before = snapshotTables(h.databaseUrl);
    const logsBefore = h.logs.length;
    await submit("UBEN", "mirror_answer", roundId, { care: 3, presence: 4, importance: 4, ask: 2, contact: 0 }, "de");
    await wait(() => dmsTo("UBEN").find((c) => String(c.args.text).startsWith("Danke – deine Antwort ist angekommen")));
    const changes = changedTables(before, snapshotTables(h.databaseUrl));
    expect(Object.keys(changes).sort()).toEqual(["MirrorInvite", "MirrorRound"]);
    expect(changes.MirrorInvite!.added.map((r) => ({ ...r, answered: Number(r.answered) }))).toEqual([
      { roundId, raterId: "UBEN", language: "de", answered: 1 },
    ]);
    expect(
      Object.keys(changes.MirrorRound!.added[0]!)
        .filter((k) => changes.MirrorRound!.added[0]![k] !== changes.MirrorRound!.removed[0]![k])
        .sort(),
    ).toEqual(["tally", "version"]);
    // No log line of the answer names the rater.
    expect(h.logs.slice(logsBefore).join("")).not.toContain("UBEN");

    await submit("UCARLA", "mirror_answer", roundId, { care: 4, presence: 4, importance: 5, ask: 3, contact: 3 });
    await submit("UDAN", "mirror_answer", roundId, { care: 2, presence: 5, importance: 3, ask: 3, contact: 0 });
    await wait(() => dmsTo("UDAN").find((c) => String(c.args.text).startsWith("Thank you — your answer is in")));
    await wait(() => dmsTo("UCARLA").find((c) => String(c.args.text).startsWith("Thank you — your answer is in")));
  });

  it("step 6: a second submit, a forged one from someone not invited and one for another round are refused politely", async () => {
    const before = snapshotTables(h.databaseUrl);
    await submit("UBEN", "mirror_answer", roundId, { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 }, "de");
    await wait(() =>
      dmsTo("UBEN").find((c) => String(c.args.text).startsWith("Du hast in dieser Runde schon geantwortet")),
    );
    await submit("UNOBODY", "mirror_answer", roundId, { care: 1, presence: 1, importance: 1, ask: 1, contact: 1 });
    await wait(() => dmsTo("UNOBODY").find((c) => String(c.args.text).includes("wasn't sent to you")));
    await submit("UCARLA", "mirror_answer", crypto.randomUUID(), {
      care: 1,
      presence: 1,
      importance: 1,
      ask: 1,
      contact: 1,
    });
    await wait(() => dmsTo("UCARLA").filter((c) => String(c.args.text).includes("wasn't sent to you"))[0]);
    await click("UBEN", "mirror_answer_open", roundId);
    expect(
      String(
        (await wait(() => h.slack.responses.find((r) => r.path === "/response/UBEN-mirror_answer_open"))).body.text,
      ),
    ).toContain("schon geantwortet");
    expect(changedTables(before, snapshotTables(h.databaseUrl))).toEqual({});
  });

  it("step 7: after five days the one reminder goes only to the person who has not answered", async () => {
    h.clock.advance(5 * DAY);
    await tick();
    await wait(() => dmsTo("UEVE").find((c) => blocksText(c).includes("A friendly reminder")));
    for (const user of ["UBEN", "UCARLA", "UDAN"])
      expect(dmsTo(user).some((c) => blocksText(c).includes("reminder") || blocksText(c).includes("Erinnerung"))).toBe(
        false,
      );
    h.clock.advance(DAY);
    await tick();
    expect(dmsTo("UEVE").filter((c) => blocksText(c).includes("A friendly reminder"))).toHaveLength(1);
  });

  it("step 8: the clock closes the round once; the leader's DM equals the hand-computed figures, with evidence, suggestions and a chart", async () => {
    h.clock.advance(4 * DAY);
    await tick();
    const results = await wait(() => dmsTo("UANNA").find((c) => String(c.args.text).startsWith("🪞 Your mirror")));
    const text = blocksText(results);
    expect(String(results.args.text)).toContain("3 of 4 people answered");
    // care: team (3+4+2)/3 = 3.0, self 5 → gap +2.0, blind spot, with its suggestion.
    expect(text).toContain("Self 5 · Team 3 · Gap +2 — ⚠️ Blind spot");
    expect(text).toContain("In your next team meeting, tell one concrete customer story");
    // presence: (4+4+5)/3 = 4.33, self 4 → gap −0.33, aligned; CTEAM 4 of 10 about customers, 3 of 4 appreciative; CSMALL not counted.
    expect(text).toContain("Self 4 · Team 4.3 · Gap −0.3 — ✅ Aligned");
    expect(text).toContain(
      "Conversation: 40% of messages in your team's channel were about customers (75% appreciative, 25% critical)",
    );
    // importance: (4+5+3)/3 = 4.0, self 4 → aligned.
    expect(text).toContain("Self 4 · Team 4 · Gap ±0 — ✅ Aligned");
    // ask: (2+3+3)/3 = 2.67, self 5 → gap +2.33, blind spot; one /cx-ask, one named suggestion from Ben.
    expect(text).toContain("Self 5 · Team 2.7 · Gap +2.3 — ⚠️ Blind spot");
    expect(text).toContain(
      "you asked for suggestions once in the last 90 days; the people you asked sent 1 named suggestion",
    );
    // contact: only Carla could judge → nothing shown.
    expect(text).toContain("Fewer than 3 could judge this, so nothing is shown.");
    expect(text).not.toContain("Spread"); // fewer than 5 answers
    await wait(() => h.slack.callsOf("files.completeUploadExternal")[0]);
    const stored = rounds()[0]!;
    expect(stored).toMatchObject({ status: "closed", tally: null });
    expect(JSON.parse(String(stored.results)).questions.map((q: { team: number | null }) => q.team)).toEqual([
      3,
      4.33,
      4,
      2.67,
      null,
    ]);
    expect(h.rows(`SELECT * FROM MirrorInvite`)).toEqual([]);
    await tick();
    await tick();
    expect(dmsTo("UANNA").filter((c) => String(c.args.text).startsWith("🪞 Your mirror"))).toHaveLength(1);
  });

  it("step 9: the figures stay private to the leader until they share them into a channel", async () => {
    expect(
      h.slack
        .callsOf("chat.postMessage")
        .filter((c) => String(c.args.text).startsWith("🪞") && c.args.channel !== "UANNA"),
    ).toEqual([]);
    await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: "UANNA",
          callbackId: "mirror_share",
          privateMetadata: JSON.stringify({ roundId, language: "en" }),
          values: { channel: { value: { type: "conversations_select", selected_conversation: "CTEAM" } } },
        }),
        FORM,
      ),
    );
    const shared = await wait(() =>
      h.slack
        .callsOf("chat.postMessage")
        .find((c) => c.args.channel === "CTEAM" && blocksText(c).includes("Anna's mirror")),
    );
    expect(blocksText(shared)).toContain("Team 2.7");
    expect(blocksText(shared)).not.toContain("Try this");
    // Someone else cannot share Anna's round.
    await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: "UBRUNO",
          callbackId: "mirror_share",
          privateMetadata: JSON.stringify({ roundId, language: "en" }),
          values: { channel: { value: { type: "conversations_select", selected_conversation: "CRANDOM" } } },
        }),
        FORM,
      ),
    );
    await wait(() => dmsTo("UBRUNO").find((c) => String(c.args.text).includes("someone else's mirror")));
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CRANDOM")).toEqual([]);
  });
});

describe("the last mirror in /cx-me and the App Home", () => {
  it("shows the leader's last round (after the step-by-step round) in /cx-me and on the App Home, to the leader only", async () => {
    // /cx-me offers the mirror behind a button (it stays at its 3 statements); the click shows it.
    await command("/cx-me", "", "UANNA", "me");
    const me = await wait(() => h.slack.responses.find((r) => r.path === "/response/me")?.body);
    expect(JSON.stringify(me.blocks)).toContain("mirror_show_mine");
    expect(JSON.stringify(me.blocks)).toContain("`/cx-mirror` your leader mirror"); // its help line
    await click("UANNA", "mirror_show_mine", "me");
    const shown = await wait(() => h.slack.responses.find((r) => r.path === "/response/UANNA-mirror_show_mine")?.body);
    const text = JSON.stringify(shown.blocks);
    expect(text).toContain("🪞 Mirror");
    expect(text).toContain("Last round, closed 3 December 2026:");
    expect(text).toContain("Self 5 · Team 2.7 · Gap +2.3 — ⚠️ Blind spot");
    await post(
      h.eventsUrl,
      sign(
        eventCallback({
          type: "app_home_opened",
          user: "UANNA",
          channel: "DANNA",
          tab: "home",
          event_ts: "1700000000.000100",
        }),
        JSON_TYPE,
      ),
    );
    const home = await wait(() => h.slack.callsOf("views.publish").find((c) => c.args.user_id === "UANNA"));
    expect(JSON.stringify(home.args.view)).toContain("Self 4 · Team 4.3 · Gap −0.3 — ✅ Aligned");
    // Someone who is not a leader sees no mirror section.
    await post(
      h.eventsUrl,
      sign(
        eventCallback({
          type: "app_home_opened",
          user: "UCARLA",
          channel: "DCARLA",
          tab: "home",
          event_ts: "1700000000.000200",
        }),
        JSON_TYPE,
      ),
    );
    const other = await wait(() => h.slack.callsOf("views.publish").find((c) => c.args.user_id === "UCARLA"));
    expect(JSON.stringify(other.args.view)).not.toContain("Mirror");
    // The button's service call refuses someone who is not a leader.
    await click("UCARLA", "mirror_show_mine", "me");
    const refused = await wait(
      () => h.slack.responses.find((r) => r.path === "/response/UCARLA-mirror_show_mine")?.body,
    );
    expect(JSON.stringify(refused)).toContain("The mirror is for leaders");
  });
});

describe("a round below the minimum", () => {
  it("shows the leader nothing but the notice, and deletes the partial answers", async () => {
    await command("/cx-mirror", "start <@UCARLA|carla> <@UDAN|dan> <@UEVE|eve>", "UBRUNO", "bruno");
    expect(await replyTo("bruno")).toContain("3 people are asked");
    const round = h.rows(`SELECT id FROM MirrorRound WHERE status = 'open'`)[0]!;
    await submit("UCARLA", "mirror_answer", String(round.id), {
      care: 5,
      presence: 5,
      importance: 5,
      ask: 5,
      contact: 5,
    });
    await submit("UDAN", "mirror_answer", String(round.id), {
      care: 1,
      presence: 1,
      importance: 1,
      ask: 1,
      contact: 1,
    });
    await wait(
      () =>
        h.rows(`SELECT COUNT(*) AS n FROM MirrorInvite WHERE answered = TRUE AND roundId = '${round.id}'`)[0]!.n === 2,
    );
    expect(String(h.rows(`SELECT tally FROM MirrorRound WHERE id = '${round.id}'`)[0]!.tally)).toContain(
      '"care":[0,1,0,0,0,1]',
    );
    h.clock.advance(10 * DAY);
    await tick();
    const dm = await wait(() => dmsTo("UBRUNO").find((c) => String(c.args.text).includes("Not enough answers")));
    expect(String(dm.args.text)).toContain("Not enough answers to show without identifying anyone");
    expect(blocksText(dm)).not.toMatch(/Team \d/);
    expect(h.rows(`SELECT status, tally, results FROM MirrorRound WHERE id = '${round.id}'`)).toEqual([
      { status: "withheld", tally: null, results: null },
    ]);
    expect(h.rows(`SELECT * FROM MirrorInvite WHERE roundId = '${round.id}'`)).toEqual([]);
    expect(h.slack.callsOf("files.completeUploadExternal")).toHaveLength(2); // Anna's DM and her shared post, none for Bruno
  });
});

describe("the trend across rounds, and help", () => {
  it("after Anna's second round, the App Home shows the team figure across both rounds", async () => {
    await command("/cx-mirror", "start <@UCARLA|carla> <@UDAN|dan> <@UEVE|eve>", "UANNA", "second");
    expect(await replyTo("second")).toContain("3 people are asked");
    const round = String(h.rows(`SELECT id FROM MirrorRound WHERE status = 'open'`)[0]!.id);
    for (const user of ["UCARLA", "UDAN", "UEVE"])
      await submit(user, "mirror_answer", round, { care: 4, presence: 4, importance: 5, ask: 4, contact: 3 });
    await wait(
      () => h.rows(`SELECT COUNT(*) AS n FROM MirrorInvite WHERE answered = TRUE AND roundId = '${round}'`)[0]!.n === 3,
    );
    h.clock.advance(10 * DAY);
    await tick();
    await wait(() => dmsTo("UANNA").filter((c) => String(c.args.text).startsWith("🪞 Your mirror"))[1]);
    const published = h.slack.callsOf("views.publish").length;
    await post(
      h.eventsUrl,
      sign(
        eventCallback({
          type: "app_home_opened",
          user: "UANNA",
          channel: "DANNA",
          tab: "home",
          event_ts: "1700000000.000300",
        }),
        JSON_TYPE,
      ),
    );
    const home = await wait(() =>
      h.slack
        .callsOf("views.publish")
        .slice(published)
        .find((c) => c.args.user_id === "UANNA"),
    );
    const text = JSON.stringify(home.args.view);
    expect(text).toContain("Team figure across rounds");
    // Round 1 (the step-by-step round): 3, 4.33, 4, 2.67, – (too few could judge contact); round 2: 4, 4, 5, 4, 3.
    for (const line of ["Care: 3 → 4", "Presence: 4.3 → 4", "Importance: 4 → 5", "Asking: 2.7 → 4", "Contact: – → 3"])
      expect(text).toContain(line);
  });

  it("/cx-admin help names the quarterly mirror", async () => {
    await command("/cx-admin", "help", "UADMIN", "admin-help");
    expect(await replyTo("admin-help")).toContain("`/cx-admin mirror schedule quarterly|off`");
  });
});
