// The suggestion box over the wire: submit → shared post → vote → answer → author told,
// anonymity without a trace, escaping, limits, and idempotence under retries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { buttonClick, FORM, post, sign, slashCommand, viewSubmission } from "../helpers/slackRequests.js";
import { changedTables, refuseSuggestionsContaining, snapshotTables, type TableChange } from "../helpers/tables.js";

let h: Harness;
const rows = (sql: string) => h.rows(sql);
const command = (name: string, text: string, user: string, reply: string, channel?: string) => {
  const body = slashCommand(name, text, user, h.slack.responseUrl(reply));
  return post(h.eventsUrl, sign(channel ? body.replace("C0GENERAL", channel) : body, FORM));
};
const replyTo = (name: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);

function submitForm(user: string, text: string, opts: { anonymous?: boolean; touchpoint?: string } = {}) {
  return post(
    h.eventsUrl,
    sign(
      viewSubmission({
        userId: user,
        callbackId: "suggestion_modal",
        privateMetadata: JSON.stringify({ language: "en" }),
        values: {
          text: { value: { type: "plain_text_input", value: text } },
          touchpoint: { value: { type: "static_select", selected_option: { value: opts.touchpoint ?? "service" } } },
          anonymous: { value: { type: "checkboxes", selected_options: opts.anonymous ? [{ value: "yes" }] : [] } },
        },
      }),
      FORM,
    ),
  );
}

/** Stored, posted, and its outbox entry settled: nothing about it changes any more. */
const settled = (text: string) =>
  h.slack.waitFor(
    () =>
      rows(
        `SELECT s.id FROM Suggestion s JOIN OutboxMessage o ON o.subjectId = s.id WHERE s.text = '${text}' AND s.messageRef IS NOT NULL AND o.status = 'sent'`,
      )[0],
  );
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GENERIC_ERROR = "Something went wrong on my side, sorry. Please try again in a minute.";

const posts = () => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CIDEAS");
const click = (user: string, actionId: string, value: string, actionTs: string) =>
  post(
    h.eventsUrl,
    sign(
      buttonClick({
        userId: user,
        actionId,
        value,
        channel: "CIDEAS",
        ts: "1700000001.000100",
        responseUrl: h.slack.responseUrl(`${user}-${actionTs}`),
      }).replace("1700000000.000200", actionTs),
      FORM,
    ),
  );

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T09:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UEMMA", locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UANON7", locale: "de-DE", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UVOTER", locale: "en-US", tz: "Europe/Berlin" });
  await command("/cx-admin", "suggestions-channel <#CIDEAS|customer-ideas>", "UADMIN", "channel");
  expect(String((await replyTo("channel")).text)).toContain("<#CIDEAS>");
  await command("/cx-admin", "language en", "UADMIN", "language");
  await replyTo("language");
});

afterAll(async () => {
  await h?.stop();
});

describe("suggestions in Slack", () => {
  it("opens the form prefilled from the command text", async () => {
    await command("/cx-suggest", "Callback within 24h", "UEMMA", "open");
    const open = await h.slack.waitFor(() => h.slack.callsOf("views.open")[0]);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("suggestion_modal");
    expect(JSON.stringify(view)).toContain("Callback within 24h");
    expect(view.private_metadata).not.toContain("UEMMA");
  });

  it("shares a submission in the channel with escaped text, then votes toggle once per click", async () => {
    const res = await submitForm("UEMMA", "Ping <!channel> & see <https://evil.example|our bank> <@UADMIN>");
    expect(res.status).toBe(200);
    // The form turns into a private thank-you (no DM that would sit in the person's history).
    const answer = JSON.parse(res.text) as { response_action: string; view: object };
    expect(answer.response_action).toBe("update");
    expect(JSON.stringify(answer.view)).toContain("Suggestion #1 is shared");
    const shared = await h.slack.waitFor(() => posts()[0]);
    const blocks = JSON.stringify(shared.args.blocks);
    expect(blocks).toContain("&lt;!channel&gt; &amp; see &lt;https://evil.example|our bank&gt; &lt;@UADMIN&gt;");
    expect(blocks).not.toContain("<!channel>");
    // The notification text is mrkdwn too.
    expect(String(shared.args.text)).toContain("&lt;!channel&gt;");
    expect(String(shared.args.text)).not.toContain("<!channel>");
    expect(blocks).toContain("by <@UEMMA>");
    expect(blocks).toContain("Service & support");

    // The post's address is recorded right after Slack answers; votes update that post.
    await h.slack.waitFor(() => rows(`SELECT messageRef FROM Suggestion WHERE number = 1`)[0]?.messageRef);
    const id = rows(`SELECT id FROM Suggestion WHERE number = 1`)[0]!.id as string;
    await click("UVOTER", "suggestion_vote", id, "1700000100.000001");
    await h.slack.waitFor(() =>
      h.slack.callsOf("chat.update").find((c) => JSON.stringify(c.args.blocks).includes("1 vote")),
    );
    // Slack retries the same click: no change.
    await click("UVOTER", "suggestion_vote", id, "1700000100.000001");
    await new Promise((r) => setTimeout(r, 100));
    expect(rows(`SELECT active FROM SuggestionVote`)).toEqual([{ active: 1 }]);
    // A new click withdraws the vote.
    await click("UVOTER", "suggestion_vote", id, "1700000200.000001");
    await h.slack.waitFor(() =>
      h.slack.callsOf("chat.update").find((c) => JSON.stringify(c.args.blocks).includes("0 votes")),
    );
    expect(rows(`SELECT active FROM SuggestionVote`)).toEqual([{ active: 0 }]);
  });

  it("lets leaders answer, updates the post and tells the author once (after the previous steps)", async () => {
    const id = rows(`SELECT id FROM Suggestion WHERE number = 1`)[0]!.id as string;
    await click("UVOTER", "suggestion_respond", id, "1700000300.000001");
    expect(String((await replyTo("UVOTER-1700000300.000001")).text)).toBe(
      "Only leaders and admins can answer suggestions.",
    );

    await click("UADMIN", "suggestion_respond", id, "1700000400.000001");
    const open = await h.slack.waitFor(() =>
      h.slack
        .callsOf("views.open")
        .find((c) => (c.args.view as { callback_id: string }).callback_id === "suggestion_respond_modal"),
    );
    const metadata = (open.args.view as { private_metadata: string }).private_metadata;
    const answer = () =>
      post(
        h.eventsUrl,
        sign(
          viewSubmission({
            userId: "UADMIN",
            callbackId: "suggestion_respond_modal",
            privateMetadata: metadata,
            values: {
              status: { value: { type: "static_select", selected_option: { value: "planned" } } },
              note: { value: { type: "plain_text_input", value: "In Q1 <!here>" } },
            },
          }),
          FORM,
        ),
      );
    await answer();
    const dm = await h.slack.waitFor(() =>
      h.slack
        .callsOf("chat.postMessage")
        .find((c) => c.args.channel === "UEMMA" && String(c.args.text).includes("got an answer")),
    );
    expect(String(dm.args.text)).toContain("*Planned*");
    expect(String(dm.args.text)).toContain("In Q1 &lt;!here&gt;");
    await h.slack.waitFor(() =>
      h.slack.callsOf("chat.update").find((c) => JSON.stringify(c.args.blocks).includes("Planned")),
    );

    await answer(); // the same answer again (a retry): no second notice
    await new Promise((r) => setTimeout(r, 150));
    expect(
      h.slack
        .callsOf("chat.postMessage")
        .filter((c) => c.args.channel === "UEMMA" && String(c.args.text).includes("got an answer")),
    ).toHaveLength(1);
    expect(rows(`SELECT status, responseNote FROM Suggestion WHERE number = 1`)).toEqual([
      { status: "planned", responseNote: "In Q1 <!here>" },
    ]);
  });

  it("keeps an anonymous submitter out of every table and log", async () => {
    await submitForm("UANON7", "Anonymous idea: shorter hold music", { anonymous: true });
    const shared = await h.slack.waitFor(() =>
      posts().find((c) => JSON.stringify(c.args.blocks).includes("shorter hold music")),
    );
    expect(JSON.stringify(shared.args.blocks)).toContain("_anonymous_");
    expect(JSON.stringify(shared)).not.toContain("UANON7");
    // Not even a thank-you DM ties the person to the idea, and Slack was not asked about them.
    expect(h.slack.calls.filter((c) => JSON.stringify(c.args).includes("UANON7"))).toEqual([]);
    await h.app.stop();
    await h.slack.stop(); // flush SQLite's WAL into the file before reading its bytes
    const bytes = h.storedText();
    expect(bytes).toContain("shorter hold music");
    expect(bytes).not.toContain("UANON7");
    expect(h.logs.join("")).not.toContain("UANON7");
    expect(h.logs.join("")).not.toContain("hold music");
    h = await startHarness({ now: "2026-11-24T09:30:00Z", dir: h.dir });
    h.slack.addUser({ id: "UEMMA", locale: "en-US", tz: "Europe/Berlin" });
    h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  });

  it("refuses empty, oversized and too many suggestions with a friendly message, storing nothing (after the previous steps)", async () => {
    const before = rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n as number;
    expect(JSON.parse((await submitForm("UEMMA", "   ")).text)).toEqual({
      response_action: "errors",
      errors: { text: "Please write your suggestion first." },
    });
    expect(JSON.parse((await submitForm("UEMMA", "x".repeat(2001))).text)).toEqual({
      response_action: "errors",
      errors: { text: "Please keep it under 2000 characters." },
    });
    // The limit's keys live in memory (see RotatingHasher): this app was restarted above, so the
    // hour starts afresh here — ten are accepted, the eleventh is not.
    for (let i = 0; i < 10; i++)
      expect(JSON.parse((await submitForm("UEMMA", `Idea ${i}`)).text).response_action).toBe("update");
    const limited = JSON.parse((await submitForm("UEMMA", "One too many")).text);
    expect(limited.errors.text).toContain("up to 10 per hour");
    expect(rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n).toBe(before + 10);
  });

  it("lists suggestions privately and posts a /cx-ask prompt with a form button (after the previous steps)", async () => {
    await command("/cx-suggest", "list", "UEMMA", "list");
    const list = await replyTo("list");
    expect(list.response_type).toBe("ephemeral");
    expect(JSON.stringify(list.blocks)).toContain("#12 · Service & support · 👍 0 · New — Idea 9");

    await command("/cx-ask", "", "UEMMA", "ask-refused", "CTEAM");
    expect(String((await replyTo("ask-refused")).text)).toContain("is for leaders");
    await command("/cx-ask", "", "UADMIN", "ask", "CTEAM");
    expect(String((await replyTo("ask")).text)).toContain("Your question is posted");
    const prompt = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CTEAM")!;
    expect(JSON.stringify(prompt.args.blocks)).toContain("suggestion_open");
    expect(rows(`SELECT channelRef, promptKey FROM AskPrompt`)).toEqual([
      { channelRef: "CTEAM", promptKey: expect.any(String) },
    ]);
  });

  it("posts a monthly prompt once per month from the schedule", async () => {
    await command("/cx-admin", "ask-schedule <#CSALES|sales> 1 10:00", "UADMIN", "sched");
    expect(String((await replyTo("sched")).text)).toContain("Every month on day 1 at 10:00");
    h.clock.set("2026-12-01T08:59:00Z");
    expect((await h.app.core.tick()).prompts).toBe(0);
    h.clock.set("2026-12-01T09:00:00Z"); // 10:00 in Berlin
    expect((await h.app.core.tick()).prompts).toBe(1);
    h.clock.set("2026-12-01T09:01:00Z");
    expect((await h.app.core.tick()).prompts).toBe(0);
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CSALES")).toHaveLength(1);
  });

  it("leaves nothing at rest that ties a person's anonymous suggestion to their named one", async () => {
    h.slack.addUser({ id: "UTWOHATS", locale: "en-US", tz: "Europe/Berlin" });
    h.clock.set("2026-12-02T09:00:00Z"); // 10:00 in Berlin
    const before = snapshotTables(h.databaseUrl);
    await submitForm("UTWOHATS", "Named: call back within 24 hours");
    await settled("Named: call back within 24 hours");
    const afterNamed = snapshotTables(h.databaseUrl);
    h.clock.advance(12 * 60_000);
    expect(
      JSON.parse((await submitForm("UTWOHATS", "Anonymous: stop the hold music", { anonymous: true })).text)
        .response_action,
    ).toBe("update");
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
      expect.objectContaining({ subjectId: suggestion.id, recipient: "CIDEAS" }),
    ]);
    // Random ids: a cuid would carry its creation time and a per-process counter.
    for (const row of [suggestion, anonymous.OutboxMessage!.added[0]!]) expect(row.id).toMatch(UUID_V4);
    // Nothing the two submissions wrote is shared but the workspace they belong to.
    const workspaceId = suggestion.workspaceId;
    const values = (changes: Record<string, TableChange>) =>
      new Set(
        Object.values(changes)
          .flatMap((c) => c.added.flatMap((row) => Object.values(row)))
          .filter((v) => typeof v === "string" && v.length >= 16 && v !== workspaceId),
      );
    const namedValues = values(named);
    expect([...values(anonymous)].filter((v) => namedValues.has(v))).toEqual([]);
  });

  it("stores suggestion texts and answers without NUL and control characters, judging length and emptiness on what is stored", async () => {
    h.slack.addUser({ id: "UNULL", locale: "en-US", tz: "Europe/Berlin" });
    const before = rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n as number;
    expect(JSON.parse((await submitForm("UNULL", "\u0000 \u0000\u0007\r\n")).text)).toEqual({
      response_action: "errors",
      errors: { text: "Please write your suggestion first." },
    });
    expect(rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n).toBe(before);

    expect(
      JSON.parse((await submitForm("UNULL", "Call back\u0000 within\u001b 24h\r\n\tthanks")).text).response_action,
    ).toBe("update");
    const id = (await settled("Call back within 24h\n\tthanks")).id as string;
    // 2000 characters once the NULs are gone: not too long.
    expect(JSON.parse((await submitForm("UNULL", `${"x".repeat(1999)}\u0000\u0000y`)).text).response_action).toBe(
      "update",
    );
    expect(rows(`SELECT LENGTH(text) AS n FROM Suggestion WHERE text LIKE 'xxx%'`)).toEqual([{ n: 2000 }]);

    const answer = await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: "UADMIN",
          callbackId: "suggestion_respond_modal",
          privateMetadata: JSON.stringify({ suggestionId: id }),
          values: {
            status: { value: { type: "static_select", selected_option: { value: "planned" } } },
            note: { value: { type: "plain_text_input", value: "In Q1\u0000, promised\u0008" } },
          },
        }),
        FORM,
      ),
    );
    expect(answer.status).toBe(200);
    await h.slack.waitFor(
      () => rows(`SELECT responseNote FROM Suggestion WHERE id = '${id}' AND status = 'planned'`)[0],
    );
    expect(rows(`SELECT responseNote FROM Suggestion WHERE id = '${id}'`)).toEqual([
      { responseNote: "In Q1, promised" },
    ]);
  });

  it("does not count a submission the database refused against the hourly limit", async () => {
    h.slack.addUser({ id: "UUNLUCKY", locale: "en-US", tz: "Europe/Berlin" });
    h.clock.set("2026-12-03T09:00:00Z");
    refuseSuggestionsContaining(h.databaseUrl, "REFUSED-BY-DB");
    for (let i = 0; i < 10; i++) {
      const refused = await submitForm("UUNLUCKY", `REFUSED-BY-DB idea ${i}`, { anonymous: i % 2 === 0 });
      expect(JSON.parse(refused.text)).toEqual({ response_action: "errors", errors: { text: GENERIC_ERROR } });
    }
    // Named and anonymous share the person's in-memory limit: ten, then no more this hour.
    for (let i = 0; i < 10; i++)
      expect(
        JSON.parse((await submitForm("UUNLUCKY", `Working idea ${i}`, { anonymous: i % 2 === 1 })).text)
          .response_action,
      ).toBe("update");
    expect(JSON.parse((await submitForm("UUNLUCKY", "One too many", { anonymous: true })).text).errors.text).toContain(
      "up to 10 per hour",
    );
    // Let the channel posts go out before the app stops.
    await h.slack.waitFor(() => rows(`SELECT COUNT(*) AS n FROM OutboxMessage WHERE status <> 'sent'`)[0]!.n === 0);
  });
});
