// The suggestion box in Teams over the wire: `suggest` → card → submit → channel post → vote
// (again = withdraw; the same invoke twice = no change) → answer → post updated and the author
// told in their personal chat; escaping; the message action; limits; and an anonymous
// submitter who leaves no trace in any table or log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unescapeCardText } from "../../src/bots/teams/markdown.js";
import type { ConnectorCall, FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { changedTables, refuseSuggestionsContaining, snapshotTables, type TableChange } from "../helpers/tables.js";
import {
  channelCommand,
  channelExecute,
  conversationIdOf,
  executeAction,
  install,
  message,
  messageActionFetch,
  messageActionSubmit,
  postActivity,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const EMMA: TeamsPerson = { id: "29:1emma", aadObjectId: "aad-emma", name: "Emma", locale: "en-US" };
const VOTER: TeamsPerson = { id: "29:1voter", aadObjectId: "aad-voter", name: "Vic", locale: "en-US" };
const ANON: TeamsPerson = {
  id: "29:1anon7secret",
  aadObjectId: "aad-anon7secret",
  name: "Anonymous Andrea",
  locale: "de-DE",
};
const TEAM = "19:team-sales@thread.tacv2";
const IDEAS: TeamsChannel = { id: "19:ideas@thread.tacv2", teamId: TEAM, name: "customer-ideas" };
const SALES: TeamsChannel = { id: TEAM, teamId: TEAM };

const EVIL = "Ping <at>Boss</at> & see [click](https://evil) <b>html</b>";

let h: Harness;
let connector: FakeTeamsConnector;
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const rows = (sql: string) => h.rows(sql);
type Card = { body: Record<string, unknown>[]; msteams?: { entities?: unknown[] } };
const cardOf = (call: ConnectorCall) => (call.body.attachments as { content: Card }[])[0]!.content;
const sendsTo = (conversationId: string) =>
  connector.delivered("send").filter((c) => c.conversationId === conversationId && Array.isArray(c.body.attachments));
const updatesOf = (conversationId: string) =>
  connector.delivered("update").filter((c) => c.conversationId === conversationId);
const invokeCard = (res: { body: Record<string, unknown> | null }) => {
  expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  return res.body!.value as Card;
};
const texts = (card: Card) => JSON.stringify(card);
const inputs = (card: Card) =>
  Object.fromEntries(card.body.filter((b) => String(b.type).startsWith("Input.")).map((b) => [b.id, b]));
const submit = (person: TeamsPerson, data: Record<string, unknown>) =>
  post(
    executeAction(connector.url, person, "suggestion.submit", {
      verb: "suggestion.submit",
      touchpoint: "service",
      anonymous: "false",
      ...data,
    }),
  );
/** Stored, posted, and its outbox entry settled: nothing about it changes any more. */
const settled = (text: string) =>
  connector.waitFor(
    () =>
      rows(
        `SELECT s.id FROM Suggestion s JOIN OutboxMessage o ON o.subjectId = s.id WHERE s.text = '${text}' AND s.messageRef IS NOT NULL AND o.status = 'sent'`,
      )[0],
  );
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GENERIC_ERROR = "Something went wrong on my side, sorry. Please try again in a minute.";
const suggestionId = (n: number) => rows(`SELECT id FROM Suggestion WHERE number = ${n}`)[0]!.id as string;

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T09:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  await post(install(connector.url, ADMIN));
  await post(install(connector.url, EMMA));
  await post(message(connector.url, ADMIN, "language en"));
  const res = await post(channelCommand(connector.url, ADMIN, IDEAS, "suggestions-channel"));
  expect(res.status).toBe(200);
  const reply = await connector.waitFor(() =>
    connector
      .messages()
      .find((c) => c.conversationId === IDEAS.id && String(c.body.text ?? "").includes("New suggestions")),
  );
  expect(String(reply.body.text)).toContain('"customer\\-ideas"'); // the channel's name, escaped
  expect(rows(`SELECT suggestionsChannel FROM Workspace`)).toEqual([{ suggestionsChannel: IDEAS.id }]);
});

afterAll(async () => {
  await h?.stop();
});

describe("suggestions in Teams", () => {
  it("opens the form card prefilled from `suggest …`, with no one's id in it", async () => {
    await post(message(connector.url, EMMA, "suggest Callback within 24h"));
    const form = cardOf(
      await connector.waitFor(
        () =>
          sendsTo(conversationIdOf(EMMA))[0] ??
          connector
            .delivered("reply")
            .find((c) => c.conversationId === conversationIdOf(EMMA) && Array.isArray(c.body.attachments)),
      ),
    );
    const fields = inputs(form);
    expect(fields.text).toMatchObject({ type: "Input.Text", isMultiline: true, value: "Callback within 24h" });
    expect(fields.touchpoint).toMatchObject({ type: "Input.ChoiceSet" });
    expect(fields.anonymous).toMatchObject({ type: "Input.Toggle" });
    expect(texts(form)).toContain('"verb":"suggestion.submit"');
    expect(texts(form)).not.toContain("emma");
  });

  it("opens the form only in the personal chat, never in a channel where everyone would see it", async () => {
    const before = connector.delivered("reply").length;
    await post(channelCommand(connector.url, VOTER, IDEAS, "suggest My secret idea"));
    const reply = await connector.waitFor(() =>
      connector
        .delivered("reply")
        .slice(before)
        .find((c) => c.conversationId.startsWith(IDEAS.id)),
    );
    expect(JSON.stringify(reply.body)).toContain("personal chat");
    expect(JSON.stringify(connector.delivered("reply").slice(before))).not.toContain("My secret idea");
  });

  it("posts a submission in the suggestions channel, escaped, with the author mentioned", async () => {
    const res = await submit(EMMA, { language: "en", text: EVIL });
    expect(texts(invokeCard(res))).toContain("Suggestion #1 is shared");
    const shared = cardOf(await connector.waitFor(() => sendsTo(IDEAS.id)[0]));
    const json = texts(shared);
    for (const raw of ["<at>Boss</at>", "[click](https://evil)", "<b>html</b>"]) expect(json).not.toContain(raw);
    const textBlock = shared.body.find(
      (b) => typeof b.text === "string" && unescapeCardText(b.text as string) === EVIL,
    );
    expect(textBlock, "the suggestion text shows literally").toBeTruthy();
    expect(json).toContain("by <at>Emma</at>");
    expect(shared.msteams?.entities).toEqual([
      { type: "mention", text: "<at>Emma</at>", mentioned: { id: "aad-emma", name: "Emma" } },
    ]);
    expect(json).toContain("Service & support");
    expect(json).toContain("0 votes");
    // The post's address is recorded right after the connector answers.
    await connector.waitFor(() => rows(`SELECT channelRef FROM Suggestion WHERE number = 1`)[0]?.channelRef);
    expect(rows(`SELECT channelRef FROM Suggestion WHERE number = 1`)).toEqual([{ channelRef: IDEAS.id }]);
  });

  it("counts one vote per person: again withdraws, the same invoke retried changes nothing (after the previous steps)", async () => {
    const id = suggestionId(1);
    const vote = (invokeId: string) =>
      post(channelExecute(connector.url, VOTER, IDEAS, "suggestion.vote", { suggestionId: id }, invokeId));
    expect(texts(invokeCard(await vote("f:vote-1")))).toContain("1 vote");
    await connector.waitFor(() => updatesOf(IDEAS.id).find((c) => texts(cardOf(c)).includes("1 vote")));
    expect(texts(invokeCard(await vote("f:vote-1")))).toContain("1 vote"); // Teams retries the same invoke
    expect(rows(`SELECT active FROM SuggestionVote`)).toEqual([{ active: 1 }]);
    expect(texts(invokeCard(await vote("f:vote-2")))).toContain("0 votes");
    await connector.waitFor(() => updatesOf(IDEAS.id).find((c) => texts(cardOf(c)).includes("0 votes")));
    expect(rows(`SELECT active FROM SuggestionVote`)).toEqual([{ active: 0 }]);
  });

  it("lets leaders and admins answer; the post updates and the author is told once (after the previous steps)", async () => {
    const id = suggestionId(1);
    const refused = await post(
      channelExecute(connector.url, VOTER, IDEAS, "suggestion.respondForm", { suggestionId: id }),
    );
    expect(refused.body).toMatchObject({
      type: "application/vnd.microsoft.activity.message",
      value: "Only leaders and admins can answer suggestions.",
    });

    const form = invokeCard(
      await post(channelExecute(connector.url, ADMIN, IDEAS, "suggestion.respondForm", { suggestionId: id })),
    );
    expect(inputs(form).status).toMatchObject({ type: "Input.ChoiceSet" });
    expect(inputs(form).note).toMatchObject({ type: "Input.Text" });

    const answer = (invokeId: string) =>
      post(
        channelExecute(
          connector.url,
          ADMIN,
          IDEAS,
          "suggestion.respond",
          { suggestionId: id, status: "planned", note: "In Q1 <at>All</at>" },
          invokeId,
        ),
      );
    const updated = invokeCard(await answer("f:answer-1"));
    expect(texts(updated)).toContain("Planned");
    expect(texts(updated)).not.toContain("<at>All</at>");
    await connector.waitFor(() => updatesOf(IDEAS.id).find((c) => texts(cardOf(c)).includes("Planned")));
    const notice = await connector.waitFor(() =>
      sendsTo(conversationIdOf(EMMA)).find((c) => texts(cardOf(c)).includes("got an answer")),
    );
    expect(texts(cardOf(notice))).toContain("**Planned**");
    expect(texts(cardOf(notice))).not.toContain("<at>All</at>");

    await answer("f:answer-2"); // the same answer again: no second notice
    await new Promise((r) => setTimeout(r, 150));
    expect(sendsTo(conversationIdOf(EMMA)).filter((c) => texts(cardOf(c)).includes("got an answer"))).toHaveLength(1);
    expect(rows(`SELECT status, responseNote FROM Suggestion WHERE number = 1`)).toEqual([
      { status: "planned", responseNote: "In Q1 <at>All</at>" },
    ]);
  });

  it("starts a suggestion from a channel message (message action), prefilled without the HTML (after the previous steps)", async () => {
    const fetched = await post(
      messageActionFetch(
        connector.url,
        EMMA,
        SALES,
        "<p>Customers wait <b>too long</b> &amp; hang up &lt;sigh&gt;</p>",
      ),
    );
    expect(fetched.status).toBe(200);
    const task = fetched.body as { task: { type: string; value: { card: { content: Card } } } };
    expect(task.task.type).toBe("continue");
    const form = task.task.value.card.content;
    expect(inputs(form).text).toMatchObject({ value: "Customers wait too long & hang up <sigh>" });
    const action = form.body.find((b) => b.type === "ActionSet") as { actions: { type: string; data: object }[] };
    expect(action.actions[0]).toMatchObject({
      type: "Action.Submit",
      data: { verb: "suggestion.submit", language: "en" },
    });

    const done = await post(
      messageActionSubmit(connector.url, EMMA, SALES, {
        verb: "suggestion.submit",
        language: "en",
        text: "Customers wait too long & hang up",
        touchpoint: "service",
        anonymous: "false",
      }),
    );
    expect(done.body).toMatchObject({ task: { type: "message", value: expect.stringContaining("#2") } });
    await connector.waitFor(() => sendsTo(IDEAS.id).find((c) => texts(cardOf(c)).includes("Suggestion #2")));
  });

  it("refuses empty, oversized and too many suggestions in the person's language, storing nothing (after the previous steps)", async () => {
    const before = rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n;
    expect(texts(invokeCard(await submit(EMMA, { language: "en", text: "   " })))).toContain(
      "Please write your suggestion first.",
    );
    const long = invokeCard(await submit(EMMA, { language: "en", text: "x".repeat(2001) }));
    expect(texts(long)).toContain("Please keep it under 2000 characters.");
    expect(inputs(long).text).toMatchObject({ value: "x".repeat(2001) }); // what was typed is kept
    // No language on the form: the person's (de-DE) locale decides.
    expect(texts(invokeCard(await submit(ANON, { text: "" })))).toContain("Bitte schreib zuerst deinen Vorschlag.");
    const dialog = await post(
      messageActionSubmit(connector.url, EMMA, SALES, {
        verb: "suggestion.submit",
        language: "en",
        text: "",
        touchpoint: "other",
        anonymous: "false",
      }),
    );
    expect(JSON.stringify(dialog.body)).toContain("Please write your suggestion first.");
    expect(dialog.body).toMatchObject({ task: { type: "continue" } });
    expect(rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n).toBe(before);

    // Emma has two this hour; eight more are fine, the eleventh is not.
    for (let i = 0; i < 8; i++)
      expect(texts(invokeCard(await submit(EMMA, { language: "en", text: `Idea ${i}` })))).toContain("Thank you");
    const limited = invokeCard(await submit(EMMA, { language: "en", text: "One more" }));
    expect(texts(limited)).toContain("You can send up to 10 per hour");
    expect(rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n).toBe(Number(before) + 8);
  });

  it("lists recent and top-voted suggestions privately (after the previous steps)", async () => {
    await post(message(connector.url, EMMA, "suggestions"));
    const list = await connector.waitFor(() =>
      connector
        .messages()
        .find(
          (c) =>
            c.conversationId === conversationIdOf(EMMA) &&
            Array.isArray(c.body.attachments) &&
            texts(cardOf(c)).includes("Recent"),
        ),
    );
    expect(texts(cardOf(list))).toContain("#1");
    expect(texts(cardOf(list))).not.toContain("[click](https://evil)");
  });

  it("lets a leader ask a channel; its button opens the form", async () => {
    await post(channelCommand(connector.url, VOTER, SALES, "ask"));
    await connector.waitFor(() =>
      connector
        .messages()
        .find((c) => c.conversationId === SALES.id && String(c.body.text ?? "").includes("for leaders")),
    );
    await post(channelCommand(connector.url, ADMIN, SALES, "ask"));
    const prompt = await connector.waitFor(() =>
      sendsTo(SALES.id).find((c) => texts(cardOf(c)).includes("Make a suggestion")),
    );
    expect(texts(cardOf(prompt))).toContain("Ada Admin asks");
    await connector.waitFor(() =>
      connector
        .messages()
        .find((c) => c.conversationId === SALES.id && String(c.body.text ?? "").includes("Your question is posted")),
    );
    const form = invokeCard(
      await post(channelExecute(connector.url, VOTER, SALES, "suggestion.open", { language: "en" })),
    );
    expect(inputs(form).text).toBeTruthy();
  });

  it("keeps an anonymous submitter out of every table, card, payload and log", async () => {
    // Andrea never installed the app: she types `suggest`, submits anonymously, and uses the message action.
    await post(message(connector.url, ANON, "suggest"));
    const form = await connector.waitFor(() =>
      connector
        .messages()
        .find((c) => c.conversationId === conversationIdOf(ANON) && Array.isArray(c.body.attachments)),
    );
    expect(JSON.stringify(form.body.attachments)).not.toMatch(/anon7secret/i);
    const thanks = invokeCard(
      await submit(ANON, { text: "Anonymous idea: shorter hold music", anonymous: "true", language: "de" }),
    );
    expect(texts(thanks)).toContain("Danke");
    const shared = await connector.waitFor(() =>
      sendsTo(IDEAS.id).find((c) => texts(cardOf(c)).includes("shorter hold music")),
    );
    expect(texts(cardOf(shared))).toContain("_anonymous_");
    expect(cardOf(shared).msteams?.entities).toBeUndefined();
    expect(JSON.stringify(shared)).not.toMatch(/anon7secret/i);

    await post(messageActionFetch(connector.url, ANON, SALES, "<p>Hold music is too loud</p>"));
    const done = await post(
      messageActionSubmit(connector.url, ANON, SALES, {
        verb: "suggestion.submit",
        text: "Anonymous: quieter hold music",
        touchpoint: "service",
        anonymous: "true",
      }),
    );
    expect(done.body).toMatchObject({ task: { type: "message" } });
    await connector.waitFor(() => sendsTo(IDEAS.id).find((c) => texts(cardOf(c)).includes("quieter hold music")));
    // What went into the channel (posts, updates) names nobody: no id in card data or action payloads.
    expect(
      connector.calls
        .filter((c) => c.conversationId === IDEAS.id)
        .map((c) => JSON.stringify(c.body))
        .join(""),
    ).not.toMatch(/anon7secret/i);
    expect(rows(`SELECT COUNT(*) AS n FROM Member WHERE externalId LIKE '%anon7%'`)).toEqual([{ n: 0 }]);

    await h.app.stop(); // flush SQLite's WAL into the file before reading its bytes
    const bytes = h.storedText();
    expect(bytes).toContain("shorter hold music");
    expect(bytes).not.toMatch(/anon7secret/i);
    expect(h.logs.join("")).not.toMatch(/anon7secret/i);
    expect(h.logs.join("")).not.toContain("hold music");
    await h.slack.stop();
    await connector.stop();
    h = await startHarness({ now: "2026-11-24T10:00:00Z", dir: h.dir, teams: true });
    connector = h.teams!;
  });

  it("leaves nothing at rest that ties a person's anonymous suggestion to their named one", async () => {
    const person: TeamsPerson = { id: "29:1twohats", aadObjectId: "aad-twohats", name: "Tom Twohats", locale: "en-US" };
    h.clock.set("2026-11-25T09:00:00Z"); // 10:00 in Berlin
    const before = snapshotTables(h.databaseUrl);
    expect(
      texts(invokeCard(await submit(person, { language: "en", text: "Named: call back within 24 hours" }))),
    ).toContain("Thank you");
    await settled("Named: call back within 24 hours");
    const afterNamed = snapshotTables(h.databaseUrl);
    h.clock.advance(12 * 60_000);
    expect(
      texts(
        invokeCard(await submit(person, { language: "en", text: "Anonymous: stop the hold music", anonymous: "true" })),
      ),
    ).toContain("Thank you");
    await settled("Anonymous: stop the hold music");
    const named = changedTables(before, afterNamed);
    const anonymous = changedTables(afterNamed, snapshotTables(h.databaseUrl));

    // The anonymous submission wrote its suggestion and the queued channel post of it; no other
    // row was written or changed (no rate-limit ledger, no moved timestamp on the person's row).
    expect(Object.keys(anonymous).sort()).toEqual(["OutboxMessage", "Suggestion"]);
    expect([anonymous.Suggestion!.removed, anonymous.OutboxMessage!.removed]).toEqual([[], []]);
    expect(anonymous.Suggestion!.added).toEqual([
      expect.objectContaining({ text: "Anonymous: stop the hold music", authorId: null, responderId: null }),
    ]);
    const suggestion = anonymous.Suggestion!.added[0]!;
    expect(anonymous.OutboxMessage!.added).toEqual([
      expect.objectContaining({ subjectId: suggestion.id, recipient: IDEAS.id }),
    ]);
    // Random ids: a cuid would carry its creation time and a per-process counter.
    for (const row of [suggestion, anonymous.OutboxMessage!.added[0]!]) expect(row.id).toMatch(UUID_V4);
    // Nothing the two submissions wrote is shared but the workspace and the channel they belong to.
    const shared = new Set([suggestion.workspaceId, IDEAS.id]);
    const values = (changes: Record<string, TableChange>) =>
      new Set(
        Object.values(changes)
          .flatMap((c) => c.added.flatMap((row) => Object.values(row)))
          .filter((v) => typeof v === "string" && v.length >= 16 && !shared.has(v)),
      );
    const namedValues = values(named);
    expect([...values(anonymous)].filter((v) => namedValues.has(v))).toEqual([]);
  });

  it("stores suggestion texts and answers without NUL and control characters, judging length and emptiness on what is stored", async () => {
    const person: TeamsPerson = { id: "29:1nul", aadObjectId: "aad-nul", name: "Nula", locale: "en-US" };
    const before = rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n;
    expect(texts(invokeCard(await submit(person, { language: "en", text: "\u0000 \u0000\u0007\r\n" })))).toContain(
      "Please write your suggestion first.",
    );
    expect(rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n).toBe(before);

    expect(
      texts(invokeCard(await submit(person, { language: "en", text: "Call back\u0000 within\u001b 24h\r\n\tthanks" }))),
    ).toContain("Thank you");
    const id = (await settled("Call back within 24h\n\tthanks")).id as string;
    // 2000 characters once the NULs are gone: not too long.
    expect(
      texts(invokeCard(await submit(person, { language: "en", text: `${"x".repeat(1999)}\u0000\u0000y` }))),
    ).toContain("Thank you");
    expect(rows(`SELECT LENGTH(text) AS n FROM Suggestion WHERE text LIKE 'xxx%'`)).toEqual([{ n: 2000 }]);

    const answered = invokeCard(
      await post(
        channelExecute(connector.url, ADMIN, IDEAS, "suggestion.respond", {
          suggestionId: id,
          status: "planned",
          note: "In Q1\u0000, promised\u0008",
        }),
      ),
    );
    expect(texts(answered)).toContain("Planned");
    expect(rows(`SELECT responseNote FROM Suggestion WHERE id = '${id}'`)).toEqual([
      { responseNote: "In Q1, promised" },
    ]);
  });

  it("does not count a submission the database refused against the hourly limit", async () => {
    const person: TeamsPerson = { id: "29:1unlucky", aadObjectId: "aad-unlucky", name: "Una", locale: "en-US" };
    h.clock.set("2026-11-26T09:00:00Z");
    refuseSuggestionsContaining(h.databaseUrl, "REFUSED-BY-DB");
    for (let i = 0; i < 10; i++) {
      // The form comes back with the problem in the form's language, and what was typed kept.
      const refused = invokeCard(
        await submit(person, { language: "en", text: `REFUSED-BY-DB idea ${i}`, anonymous: String(i % 2 === 0) }),
      );
      expect(texts(refused)).toContain(GENERIC_ERROR);
      expect(inputs(refused).text).toMatchObject({ value: `REFUSED-BY-DB idea ${i}` });
    }
    // Named and anonymous share the person's in-memory limit: ten, then no more this hour.
    for (let i = 0; i < 10; i++)
      expect(
        texts(
          invokeCard(
            await submit(person, { language: "en", text: `Working idea ${i}`, anonymous: String(i % 2 === 1) }),
          ),
        ),
      ).toContain("Thank you");
    expect(
      texts(invokeCard(await submit(person, { language: "en", text: "One too many", anonymous: "true" }))),
    ).toContain("You can send up to 10 per hour");
    // Let the channel posts go out before the app stops.
    await connector.waitFor(() => rows(`SELECT COUNT(*) AS n FROM OutboxMessage WHERE status <> 'sent'`)[0]!.n === 0);
  });
});
