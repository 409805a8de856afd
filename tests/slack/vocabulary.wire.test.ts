// The workspace's customer vocabulary in Slack, over the wire: signed /cx-admin commands set the
// industry preset and add, remove and list own terms (admins only, friendly errors, both
// languages); a message naming an account counts as a customer message only once the account is
// a term; and the weekly digest says which vocabulary was in force.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand } from "../helpers/slackRequests.js";

/** Delivers an event as Slack does: a 503 (not stored in time) is delivered again, up to three times. */
async function deliver(url: string, body: string) {
  let res = await post(url, sign(body, JSON_TYPE));
  for (let retry = 0; retry < 3 && res.status === 503; retry++) res = await post(url, sign(body, JSON_TYPE));
  return res;
}

let h: Harness;
let replies = 0;
const rows = (sql: string) => h.rows(sql);
const ts = (iso: string) => `${Math.floor(new Date(iso).getTime() / 1000)}.000000`;

/** A signed /cx-admin command; resolves with the text of the private answer. */
async function admin(text: string, user = "UADMIN"): Promise<string> {
  const name = `r${++replies}`;
  const res = await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, user, h.slack.responseUrl(name)), FORM));
  expect(res.status).toBe(200);
  const body = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);
  return String(body.text);
}

const vocabularyRow = () => rows(`SELECT industry, terms, termCount, version FROM PresenceVocabulary`)[0];
const storedTerms = () => JSON.parse(String(vocabularyRow()?.terms ?? "[]")) as string[];

const sendMessage = (channel: string, user: string, text: string, at: string, eventId: string) =>
  deliver(
    h.eventsUrl,
    eventCallback(
      { type: "message", channel, user, text, ts: ts(at), channel_type: "channel", event_ts: ts(at) },
      eventId,
    ),
  );
const signalCount = () => Number(rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)[0]!.n);
const customerSignals = () => Number(rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE customer`)[0]!.n);

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T10:00:00Z" });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UANNA", is_admin: false, locale: "de-DE", tz: "Europe/Berlin" });
  await admin("language en");
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe("the workspace vocabulary in Slack", () => {
  it("is for admins only", async () => {
    expect(await admin("presence terms add Zorblax", "UANNA")).toContain("nur Workspace-Admins");
    expect(await admin("presence industry transport", "UANNA")).toContain("nur Workspace-Admins");
    expect(vocabularyRow()).toBeUndefined();
  });

  it("sets and clears the industry preset, and explains unknown ones", async () => {
    expect(await admin("presence industry transport")).toContain("Industry preset: *transport (passengers");
    expect(vocabularyRow()).toMatchObject({ industry: "transport", termCount: 0 });
    expect(await admin("presence industry aviation")).toBe(
      "I don't know the industry “aviation”. Choose one of `healthcare`, `hospitality`, `transport`, `insurance`, `legal-tax`, `retail`, `b2b`, `public`, `software`, or `none`.",
    );
    expect(await admin("presence industry")).toContain("`/cx-admin presence industry transport`");
    expect(await admin("presence industry none")).toContain("No industry preset any more");
    expect(vocabularyRow()).toMatchObject({ industry: null });
    await admin("presence industry transport");
  });

  it("adds terms as typed, with quotes, commas and ampersands, and counts duplicates once", async () => {
    // Slack sends & < > as entities; the term is stored as typed and echoed escaped.
    const reply = await admin(
      'presence terms add Fahrgast, "Müller, Schmidt &amp; Partner", fahrgast, Stadtwerke   Nord',
    );
    expect(reply).toContain("✅ Added “Fahrgast”, “Müller, Schmidt &amp; Partner”, “Stadtwerke Nord”");
    expect(reply).toContain("3 own terms in all");
    expect(storedTerms()).toEqual(["Fahrgast", "Müller, Schmidt & Partner", "Stadtwerke Nord"]);
    const again = await admin("presence terms add FAHRGAST");
    expect(again).toContain("Already there: “FAHRGAST”");
    expect(storedTerms()).toHaveLength(3);
    // A name a person typed cannot ping the channel when echoed.
    expect(await admin("presence terms add &lt;!channel&gt; Partners")).toContain("“&lt;!channel&gt; Partners”");
    expect(storedTerms()).toContain("<!channel> Partners");
  });

  it("answers bad lists with a friendly error and changes nothing", async () => {
    const before = vocabularyRow();
    expect(await admin("presence terms add")).toContain("Which terms should I add?");
    expect(await admin("presence terms add ,  ,")).toContain("Which terms should I add?");
    expect(await admin('presence terms add "Stadtwerke Süd')).toContain("A double quote is never closed");
    expect(await admin(`presence terms add ${"x".repeat(201)}`)).toContain("is longer than 200 characters");
    expect(await admin("presence terms add A")).toContain("“A” is too short");
    expect(await admin("presence terms add Zorblax, ???")).toContain("“???” has no letters or digits");
    const many = Array.from({ length: 51 }, (_, i) => `Account ${i}`).join(", ");
    expect(await admin(`presence terms add ${many}`)).toContain("That is 51 terms; one command takes up to 50");
    expect(await admin("presence terms frobnicate")).toContain("/cx-admin presence terms add Fahrgast");
    expect(vocabularyRow()).toEqual(before);
  });

  it("lists and removes terms", async () => {
    const list = await admin("presence terms list");
    expect(list).toContain("*Industry preset:* transport");
    expect(list).toContain(
      "*Own terms (4):* “&lt;!channel&gt; Partners”, “Fahrgast”, “Müller, Schmidt &amp; Partner”, “Stadtwerke Nord”",
    );
    const removed = await admin("presence terms remove <!channel> Partners, Nordwind");
    expect(removed).toContain("✅ Removed “&lt;!channel&gt; Partners”");
    expect(removed).toContain("Not in the list: “Nordwind”");
    expect(removed).toContain("3 own terms left");
    expect(storedTerms()).toEqual(["Fahrgast", "Müller, Schmidt & Partner", "Stadtwerke Nord"]);
  });

  it("answers in German to a German admin", async () => {
    h.slack.addUser({ id: "UADMINDE", is_admin: true, locale: "de-DE", tz: "Europe/Berlin" });
    expect(await admin("presence terms add Stadtwerke Nord", "UADMINDE")).toContain(
      "Schon vorhanden: “Stadtwerke Nord”",
    );
    expect(await admin("presence industry luftfahrt", "UADMINDE")).toContain("Die Branche „luftfahrt“ kenne ich nicht");
    expect(await admin("presence terms list", "UADMINDE")).toContain("*Eigene Begriffe (3):*");
  });

  it("counts a message naming an account as about customers only after the account is a term", {
    timeout: 120_000,
  }, async () => {
    const text = "Zorblax meldet sich morgen wegen der Umstellung.";
    await sendMessage("CSALES", "UA", text, "2026-11-24T09:00:00Z", "EvBefore");
    await h.slack.waitFor(() => signalCount() === 1);
    expect(customerSignals()).toBe(0);

    expect(await admin("presence terms add Zorblax")).toContain("✅ Added “Zorblax”");
    await sendMessage("CSALES", "UB", text, "2026-11-25T09:00:00Z", "EvAfter");
    await h.slack.waitFor(() => signalCount() === 2);
    // The earlier message keeps its verdict: terms apply to new messages from then on.
    expect(rows(`SELECT day, customer FROM PresenceSignal ORDER BY day`)).toEqual([
      { day: "2026-11-24", customer: 0 },
      { day: "2026-11-25", customer: 1 },
    ]);

    h.clock.set("2026-11-26T08:00:00Z");
    expect(await admin("presence terms remove zorblax")).toContain("✅ Removed “Zorblax”");
    await sendMessage("CSALES", "UC", text, "2026-11-26T09:00:00Z", "EvRemoved");
    await h.slack.waitFor(() => signalCount() === 3);
    expect(customerSignals()).toBe(1);
  });

  it("names the vocabulary in force in the digest, and a change during the week", { timeout: 120_000 }, async () => {
    await admin("digest-channel <#CHR|hr-cx>");
    h.clock.set("2026-11-30T08:00:00Z"); // Monday 09:00 in Berlin: the digest of week 48
    expect(await h.app.core.tick()).toMatchObject({ digests: 1, outboxSent: 1 });
    const digest = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CHR")!;
    const blocks = JSON.stringify(digest.args.blocks);
    expect(blocks).toContain(
      "Vocabulary: transport preset + 3 own terms — changed on 26 November; it applies to messages from then on.",
    );
    // Terms are configuration, not conversation: no message text at rest. (Last: on PostgreSQL
    // this read blocks the process, and with it the server's keep-alive connections.)
    expect(h.storedText()).not.toContain("meldet sich morgen");
  });
});
