// The leaders' section of the digest over the wire: only leaders check in, only the answers of
// leaders nudged that week count, and a week's figures never move once they were computed — so
// no two published figures differ by one person's rating.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { buttonClick, FORM, post, sign, slashCommand, viewSubmission } from "../helpers/slackRequests.js";

const LEADERS = ["UL1", "UL2", "UL3", "UL4"];
let h: Harness;

const rows = (sql: string) => h.rows(sql);
const command = (name: string, text: string, user: string, reply: string) =>
  post(h.eventsUrl, sign(slashCommand(name, text, user, h.slack.responseUrl(reply)), FORM));
const replyTo = (name: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);
const dmsTo = (user: string) => h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === user);

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown): Button[] =>
  (blocks as { type: string; elements?: Button[] }[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

/** The leader clicks `rating` on the nudge DM they got for `week` and waits until it is stored. */
async function rate(user: string, week: string, rating: number) {
  const nudgeId = rows(
    `SELECT n.id FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = '${user}' AND n.week = '${week}' AND n.sentAt IS NOT NULL`,
  )[0]!.id;
  const dm = dmsTo(user).find((c) => buttonsOf(c.args.blocks).some((b) => b.value.startsWith(`${nudgeId}|`)))!;
  const button = buttonsOf(dm.args.blocks).find((b) => b.action_id === `rate:${rating}`)!;
  const click = buttonClick({
    userId: user,
    actionId: button.action_id,
    value: button.value,
    channel: `D${user.slice(1)}`,
    ts: String(dm.result!.ts),
    responseUrl: h.slack.responseUrl(`rate-${user}`),
  });
  expect((await post(h.eventsUrl, sign(click, FORM))).status).toBe(200);
  await h.slack.waitFor(
    () =>
      rows(
        `SELECT c.rating FROM CheckIn c JOIN Member m ON m.id = c.memberId WHERE m.externalId = '${user}' AND c.week = '${week}' AND c.rating = ${rating}`,
      )[0],
  );
}

/** What a check-in form sends on "Save" (its private_metadata is what the bot put there). */
const formSubmission = (user: string, rating: number) =>
  viewSubmission({
    userId: user,
    callbackId: "checkin_modal",
    privateMetadata: JSON.stringify({ nudgeId: null, week: "2026-W48", questions: ["ask"], language: "en" }),
    values: {
      "rating:ask": {
        value: {
          type: "radio_buttons",
          selected_option: { value: String(rating), text: { type: "plain_text", text: String(rating) } },
        },
      },
    },
  });

/** The leaders' section of a digest message. */
const leaderSection = (call: { args: Record<string, unknown> }) =>
  (call.args.blocks as { text?: { text: string } }[])
    .map((b) => b.text?.text ?? "")
    .find((t) => t.startsWith("*Leaders*"))!;

/** `/cx-admin digest-now` and the leaders' section of the preview it sends. */
async function previewLeaders(): Promise<string> {
  const before = dmsTo("UADMIN").length;
  const name = `preview-${before}`;
  await command("/cx-admin", "digest-now", "UADMIN", name);
  await replyTo(name);
  return leaderSection(await h.slack.waitFor(() => dmsTo("UADMIN")[before]));
}

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Berlin: week 48 asks the "ask" question.
  h = await startHarness({ now: "2026-11-23T08:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, tz: "Europe/Berlin", locale: "en-US" });
  for (const id of LEADERS) h.slack.addUser({ id, tz: "Europe/Berlin", locale: "en-US" });
  h.slack.addUser({ id: "UNOAH", tz: "Europe/Berlin", locale: "en-GB" });
  h.slack.addUser({ id: "UNINA", tz: "Europe/Berlin", locale: "de-DE" });
  await command(
    "/cx-admin",
    `leaders add ${LEADERS.map((id) => `<@${id}|${id.toLowerCase()}>`).join(" ")}`,
    "UADMIN",
    "add",
  );
  await replyTo("add");
  // The posted digest speaks the workspace's language, the preview the admin's: English for both.
  await command("/cx-admin", "language en", "UADMIN", "language");
  await replyTo("language");
  await command("/cx-admin", "digest-channel <#CHR|hr-cx>", "UADMIN", "digest-channel");
  await replyTo("digest-channel");
  await command("/cx-admin", "nudge-now", "UADMIN", "nudge");
  await h.slack.waitFor(() => LEADERS.every((id) => dmsTo(id).length === 1));
  // The wave records what it sent in batches, a moment after the DMs are out.
  await h.slack.waitFor(
    () => (rows(`SELECT COUNT(*) AS n FROM Nudge WHERE sentAt IS NOT NULL`)[0] as { n: number }).n === LEADERS.length,
  );
});

afterAll(async () => {
  await h?.stop();
});

describe("leader figures in the digest", () => {
  it("stores nothing from a check-in form that a non-leader submits, and says why in their language", async () => {
    await rate("UL1", "2026-W48", 2);
    for (const user of ["UNOAH", "UNINA"]) {
      const res = await post(h.eventsUrl, sign(formSubmission(user, 5), FORM));
      expect(res.status).toBe(200);
    }
    expect(String((await h.slack.waitFor(() => dmsTo("UNOAH")[0])).args.text)).toContain("Check-ins are for leaders");
    expect(String((await h.slack.waitFor(() => dmsTo("UNINA")[0])).args.text)).toContain(
      "Check-ins sind für Führungskräfte",
    );
    expect(rows(`SELECT m.externalId, c.rating FROM CheckIn c JOIN Member m ON m.id = c.memberId`)).toEqual([
      { externalId: "UL1", rating: 2 },
    ]);
  });

  it("answers a non-leader's /cx-checkin with the same friendly refusal instead of a form", async () => {
    const opens = h.slack.callsOf("views.open").length;
    const noahDms = dmsTo("UNOAH").length; // counted here, so the step holds on its own
    await command("/cx-checkin", "", "UNOAH", "noah-checkin");
    expect(String((await replyTo("noah-checkin")).text)).toContain("Check-ins are for leaders");
    await command("/cx-checkin", "", "UNINA", "nina-checkin");
    expect(String((await replyTo("nina-checkin")).text)).toContain("Check-ins sind für Führungskräfte");
    // The App Home's check-in button has no response_url: the refusal arrives as a DM.
    const home = buttonClick({
      userId: "UNOAH",
      actionId: "home_checkin",
      value: "home",
      channel: "DNOAH",
      ts: "1",
      responseUrl: h.slack.responseUrl("noah-home"),
    });
    await post(h.eventsUrl, sign(home, FORM));
    expect(String((await h.slack.waitFor(() => dmsTo("UNOAH")[noahDms])).args.text)).toContain(
      "Check-ins are for leaders",
    );
    expect(h.slack.callsOf("views.open")).toHaveLength(opens);

    // A leader still gets the form: for this week's nudge, with no week for a payload to change.
    await command("/cx-checkin", "", "UL1", "leader-checkin");
    const open = await h.slack.waitFor(() => h.slack.callsOf("views.open")[opens]);
    const nudgeId = rows(`SELECT n.id FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'UL1'`)[0]!
      .id;
    expect(JSON.parse(String((open.args.view as { private_metadata: string }).private_metadata))).toEqual({
      nudgeId,
      questions: ["ask"],
      language: "en",
    });
  });

  it("counts only nudged leaders' answers: one leader's rating among non-leaders' stays hidden (after the previous steps)", async () => {
    h.clock.set("2026-11-30T07:00:00Z"); // Monday 08:00 in Berlin, before the scheduled digest
    const leaders = await previewLeaders();
    expect(leaders).toContain("25% of 4 nudges answered");
    // Withheld, and saying why where the figure would be: never a bare dash.
    expect(leaders).toContain("Asking: shown when at least 3 leaders answered — 1 did");
    expect(leaders).not.toContain("–");
    expect(leaders).not.toMatch(/Asking \d/);
  });

  it("freezes a week's figures when first computed: late answers change no later preview or digest (after the previous steps)", async () => {
    const first = await previewLeaders();
    await rate("UL2", "2026-W48", 4);
    expect(await previewLeaders()).toBe(first);
    await rate("UL3", "2026-W48", 1);
    expect(await previewLeaders()).toBe(first);

    // The scheduled digest of that week shows the very same figures.
    h.clock.set("2026-11-30T08:00:00Z");
    await h.app.core.tick();
    const digest = await h.slack.waitFor(() =>
      h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CHR"),
    );
    expect(leaderSection(digest)).toBe(first);

    // A late answer still belongs to the leader's own history.
    await command("/cx-me", "", "UL3", "me-late");
    expect(JSON.stringify((await replyTo("me-late")).blocks)).toMatch(/Asking\* {2}`·{10}▁·` {2}avg 1/);
  });

  it("shows an average once enough nudged leaders answered, and keeps it when a late answer comes in (after the previous steps)", async () => {
    // Monday 09:00 sends week 49's scheduled nudges (the "contact" question); the digest tick
    // above already did, and a second tick sends nothing twice.
    h.clock.set("2026-11-30T08:00:00Z");
    await h.app.core.nudges.tick();
    expect(LEADERS.map((id) => dmsTo(id).length)).toEqual([2, 2, 2, 2]);
    h.clock.set("2026-12-01T10:00:00Z");
    await rate("UL1", "2026-W49", 4);
    await rate("UL2", "2026-W49", 4);
    await rate("UL3", "2026-W49", 5);
    h.clock.set("2026-12-07T07:00:00Z");
    const first = await previewLeaders();
    expect(first).toContain("75% of 4 nudges answered");
    expect(first).toContain("Contact 4.3");

    await rate("UL4", "2026-W49", 1);
    expect(await previewLeaders()).toBe(first);
    h.clock.set("2026-12-07T08:00:00Z");
    await h.app.core.tick();
    const digests = await h.slack.waitFor(() => {
      const posted = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "CHR");
      return posted.length === 2 && posted;
    });
    expect(leaderSection(digests[1]!)).toBe(first);
  });

  it("takes no answer from someone removed from the leaders, not even on a nudge they got (after the previous steps)", async () => {
    await command("/cx-admin", "leaders remove <@UL4|ul4>", "UADMIN", "remove");
    await replyTo("remove");
    const nudge = rows(
      `SELECT n.id FROM Nudge n JOIN Member m ON m.id = n.memberId WHERE m.externalId = 'UL4' AND n.week = '2026-W50'`,
    )[0]!;
    const dm = dmsTo("UL4").find((c) => buttonsOf(c.args.blocks).some((b) => b.value.startsWith(`${nudge.id}|`)))!;
    const button = buttonsOf(dm.args.blocks).find((b) => b.action_id === "rate:5")!;
    await post(
      h.eventsUrl,
      sign(
        buttonClick({
          userId: "UL4",
          actionId: "rate:5",
          value: button.value,
          channel: "DL4",
          ts: String(dm.result!.ts),
          responseUrl: h.slack.responseUrl("removed"),
        }),
        FORM,
      ),
    );
    expect(String((await replyTo("removed")).text)).toContain("Check-ins are for leaders");
    expect(rows(`SELECT c.week FROM CheckIn c JOIN Member m ON m.id = c.memberId WHERE m.externalId = 'UL4'`)).toEqual([
      { week: "2026-W49" },
    ]);
  });

  it("keeps only the aggregate of a frozen week, never a leader's own figures (after the previous steps)", () => {
    const frozen = rows(`SELECT * FROM LeaderWeekFigures ORDER BY week`);
    expect(frozen.map((r) => r.week)).toEqual(["2026-W48", "2026-W49"]);
    for (const row of frozen) {
      for (const id of rows(`SELECT id, externalId FROM Member`).flatMap((m) => [m.id, m.externalId])) {
        expect(JSON.stringify(row)).not.toContain(String(id));
      }
    }
    // Week 48: one answer of four is too few for an average, so none was kept.
    const w48 = JSON.parse(String(frozen[0]!.questions)) as { question: string; average: number | null }[];
    expect(w48.find((q) => q.question === "ask")).toMatchObject({ average: null });
  });
});
