// One gentle reminder over the wire: a nudge left unanswered gets one short reply in its thread
// (broadcast to the DM) the next working day at the nudge time — never twice, not after an
// answer or a snooze, not to a paused leader, not with `/cx-admin reminders off`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { buttonClick, FORM, post, sign, slashCommand } from "../helpers/slackRequests.js";

let h: Harness;

const command = (name: string, text: string, user: string, reply: string) =>
  post(h.eventsUrl, sign(slashCommand(name, text, user, h.slack.responseUrl(reply)), FORM));
const replyTo = (name: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);
const nudgeTo = (user: string) =>
  h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === user && !c.args.thread_ts)!;
const reminders = () => h.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts);
const click = (user: string, actionId: string, reply: string) => {
  const nudge = nudgeTo(user);
  const button = (nudge.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId)!;
  const ts = String(nudge.result!.ts);
  return post(
    h.eventsUrl,
    sign(
      buttonClick({
        userId: user,
        actionId,
        value: button.value,
        blockId: "q:ask",
        channel: `D${user.slice(1)}`,
        ts,
        responseUrl: h.slack.responseUrl(reply),
      }),
      FORM,
    ),
  );
};

beforeAll(async () => {
  // Sunday 22 November 2026; the weekly nudge goes out Mondays 09:00 Berlin.
  h = await startHarness({ now: "2026-11-22T10:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, tz: "Europe/Berlin", locale: "en-GB" });
  h.slack.addUser({ id: "UANNA", tz: "Europe/Berlin", locale: "en-US" });
  h.slack.addUser({ id: "UBEN", tz: "Europe/Berlin", locale: "de-DE" });
  h.slack.addUser({ id: "UCARA", tz: "Europe/Berlin", locale: "en-US" });
  h.slack.addUser({ id: "UPAUL", tz: "Europe/Berlin", locale: "en-US" });
  h.slack.addUser({ id: "UDORA", tz: "Europe/Berlin", locale: "de-DE" });
  await command("/cx-admin", "leaders add <@UANNA> <@UBEN> <@UCARA> <@UPAUL> <@UDORA>", "UADMIN", "add");
  await replyTo("add");
});

afterAll(async () => {
  await h?.stop();
});

describe("the one gentle reminder (Slack)", () => {
  it("reminds only the leaders who left Monday's nudge alone, on Tuesday at the nudge time, once", async () => {
    h.clock.set("2026-11-23T08:00:00Z"); // Monday 09:00 Berlin
    expect(await h.app.core.tick()).toMatchObject({ sent: 5 });
    // Cara answers, Ben snoozes (it comes back Tuesday 09:00 by itself), Paul pauses.
    await click("UCARA", "rate:4", "cara");
    await h.slack.waitFor(() => h.slack.callsOf("chat.update").find((c) => c.args.channel === "DCARA"));
    await click("UBEN", "nudge_snooze", "ben");
    await h.slack.waitFor(() => h.slack.callsOf("chat.update").find((c) => c.args.channel === "DBEN"));
    await command("/cx-me", "pause 2w", "UPAUL", "pause");
    await replyTo("pause");

    // Monday evening and Tuesday 08:59: nothing yet.
    h.clock.set("2026-11-23T18:00:00Z");
    await h.app.core.tick();
    h.clock.set("2026-11-24T07:59:00Z");
    await h.app.core.tick();
    expect(reminders()).toHaveLength(0);

    // Tuesday 09:00, on two replicas at once: one reminder each for Anna and Dora, nobody else.
    h.clock.set("2026-11-24T08:00:00Z");
    await Promise.all([h.app.core.tick(), h.app.core.tick()]);
    const sent = reminders();
    expect(sent.map((c) => c.args.channel).sort()).toEqual(["DANNA", "DDORA"]);
    const anna = sent.find((c) => c.args.channel === "DANNA")!;
    expect(anna.args).toMatchObject({ thread_ts: String(nudgeTo("UANNA").result!.ts), reply_broadcast: "true" }); // form-encoded, as Slack receives it
    expect(anna.args.text).toBe("⏰ Still a minute for this week's question? It's right above — one click is enough.");
    expect(sent.find((c) => c.args.channel === "DDORA")!.args.text).toBe(
      "⏰ Noch eine Minute für die Frage dieser Woche? Sie steht direkt darüber — ein Klick genügt.",
    );
    // No second card: the reminder carries no buttons.
    expect(anna.args.blocks).toBeUndefined();
    // Ben's snoozed nudge came back as he asked, without a reminder beside it.
    expect(h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "UBEN")).toHaveLength(2);

    // Wednesday and Thursday: never a second one.
    for (const at of ["2026-11-25T08:00:00Z", "2026-11-26T08:00:00Z"]) {
      h.clock.set(at);
      await h.app.core.tick();
    }
    expect(reminders()).toHaveLength(2);
    expect(h.rows(`SELECT COUNT(*) AS n FROM OutboxMessage WHERE kind = 'nudge-reminder' AND status = 'sent'`)).toEqual(
      [{ n: 4 }],
    );
    expect(h.logs.join("")).toContain("the leader paused nudges");
    expect(h.logs.join("")).toContain("the nudge is answered");
  });

  it("sends none while an admin has switched reminders off", async () => {
    await command("/cx-admin", "reminders off", "UADMIN", "off");
    expect(String((await replyTo("off")).text)).toBe(
      "✅ Reminders are off: each nudge is sent once, without a reminder.",
    );
    expect(h.rows(`SELECT reminders FROM Workspace`)).toEqual([{ reminders: 0 }]);
    h.clock.set("2026-11-30T08:00:00Z"); // the next Monday's nudge
    await h.app.core.tick();
    h.clock.set("2026-12-01T08:00:00Z");
    await h.app.core.tick();
    expect(reminders()).toHaveLength(2);
    expect(h.logs.join("")).toContain("reminders are off in this workspace");

    await command("/cx-admin", "reminders", "UADMIN", "usage");
    expect(String((await replyTo("usage")).text)).toBe("Use `/cx-admin reminders on` or `/cx-admin reminders off`.");
    await command("/cx-admin", "reminders on", "UADMIN", "on");
    expect(String((await replyTo("on")).text)).toContain("✅ Reminders are on");
  });
});
