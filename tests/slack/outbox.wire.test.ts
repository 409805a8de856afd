// An outbox message whose sender stopped mid-send (Slack took the post, the answer never came)
// is looked up by its metadata before anyone posts it again: a rate-limited lookup waits and
// stays a lookup; a lookup that cannot work sends, so nothing is lost.
// The kill -9 version with the real process is tests/outboxCrash.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { FORM, post, sign, slashCommand, viewSubmission } from "../helpers/slackRequests.js";

let h: Harness;
const LEASE_MS = 2 * 60_000;
const posts = () => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CIDEAS");
const entry = () => h.rows(`SELECT status, attempts, lastError FROM OutboxMessage ORDER BY createdAt DESC LIMIT 1`)[0];

/** Submits an idea whose channel post Slack carries out but never answers. */
async function submitStuck(text: string): Promise<void> {
  const before = posts().length;
  h.slack.unanswered.add("chat.postMessage");
  const values = {
    text: { value: { type: "plain_text_input", value: text } },
    touchpoint: { value: { type: "static_select", selected_option: { value: "service" } } },
    anonymous: { value: { type: "checkboxes", selected_options: [] } },
  };
  await post(
    h.eventsUrl,
    sign(
      viewSubmission({ userId: "UEMMA", callbackId: "suggestion_modal", privateMetadata: '{"language":"en"}', values }),
      FORM,
    ),
  );
  await h.slack.waitFor(() => posts().length > before);
  h.slack.unanswered.clear();
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T09:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UEMMA", locale: "en-US", tz: "Europe/Berlin" });
  await post(
    h.eventsUrl,
    sign(
      slashCommand(
        "/cx-admin",
        "suggestions-channel <#CIDEAS|customer-ideas>",
        "UADMIN",
        h.slack.responseUrl("channel"),
      ),
      FORM,
    ),
  );
  await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === "/response/channel"));
});

afterAll(async () => {
  h?.slack.answerHeld();
  await h?.stop();
});

describe("an outbox message interrupted mid-send in Slack", () => {
  it("is found by its metadata instead of posted again, after waiting out a rate-limited lookup", async () => {
    await submitStuck("Call back within a day");
    const [sent] = posts();
    expect(sent!.args.metadata).toEqual({
      event_type: "kundennah_outbox",
      event_payload: { outbox_id: expect.any(String) },
    });

    h.clock.advance(LEASE_MS + 1000); // the stuck sender's claim runs out
    h.slack.failNext("conversations.history", { status: 429, retryAfter: 30 });
    expect(await h.app.core.outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(posts()).toHaveLength(1);
    // Not an attempt of the post: only its lookup was put off.
    expect(entry()).toMatchObject({ status: "pending", attempts: 0 });

    expect(await h.app.core.outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    h.clock.advance(31_000);
    expect(await h.app.core.outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(posts()).toHaveLength(1);
    expect(entry()).toMatchObject({ status: "sent" });
    expect(h.rows(`SELECT channelRef, messageRef FROM Suggestion WHERE text = 'Call back within a day'`)).toEqual([
      { channelRef: "CIDEAS", messageRef: sent!.result!.ts },
    ]);
    expect(h.logs.join("")).toContain("an interrupted send had been delivered");
    const lookup = h.slack.callsOf("conversations.history").at(-1)!;
    expect(lookup.args).toMatchObject({ channel: "CIDEAS", include_all_metadata: "true" }); // form-encoded
  });

  it("is sent again when the lookup cannot work, rather than lost", async () => {
    await submitStuck("Name a contact person");
    h.clock.advance(LEASE_MS + 1000);
    h.slack.failNext("conversations.history", { error: "not_in_channel" });
    expect(await h.app.core.outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(posts().filter((c) => String(c.args.text).includes("Name a contact person"))).toHaveLength(2);
    expect(h.logs.join("")).toContain("could not check whether an interrupted send was delivered");
  });

  it("is posted at once, with no lookup, when nothing interrupted it", async () => {
    const lookups = h.slack.callsOf("conversations.history").length;
    h.slack.failNext("chat.postMessage", { error: "internal_error" });
    await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: "UEMMA",
          callbackId: "suggestion_modal",
          privateMetadata: '{"language":"en"}',
          values: {
            text: { value: { type: "plain_text_input", value: "Answer the phone faster" } },
            touchpoint: { value: { type: "static_select", selected_option: { value: "service" } } },
            anonymous: { value: { type: "checkboxes", selected_options: [] } },
          },
        }),
        FORM,
      ),
    );
    await h.slack.waitFor(() => entry()?.lastError === "slack: internal_error");
    h.clock.advance(LEASE_MS);
    // The delivery the submission started may still be looping and take the retry itself once
    // the clock moved; either way the entry is sent once, without a lookup.
    await h.app.core.outbox.deliverDue();
    await h.slack.waitFor(() => entry()?.status === "sent");
    expect(posts().filter((c) => String(c.args.text).includes("Answer the phone faster") && c.result?.ok)).toHaveLength(
      1,
    );
    expect(h.slack.callsOf("conversations.history")).toHaveLength(lookups);
  });
});
