// The workspace's customer vocabulary in Teams, over the wire with Bot Framework tokens (the
// bot runs as a SingleTenant Azure bot against a fake Microsoft identity): the same words as in
// Slack, typed to the bot in personal chat or with an @mention in a channel; admins only; terms
// as typed even when Teams sends quotes and ampersands as HTML entities; a channel message that
// names an account counts as a customer message only after `presence terms add`; and the
// weekly digest card names the vocabulary in force.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeMicrosoftIdentity } from "../helpers/fakeMicrosoftIdentity.js";
import type { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  channelCommand,
  channelMessage,
  conversationIdOf,
  install,
  message,
  postActivity,
  TENANT,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const APP_ID = "11111111-2222-3333-4444-555555555511";
const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna", locale: "de-DE" };
const person = (n: string): TeamsPerson => ({
  id: `29:1${n}`,
  aadObjectId: `aad-${n}`,
  name: n.toUpperCase(),
  locale: "de-DE",
});
const TEAM = "19:team-cx@thread.tacv2";
const SALES: TeamsChannel = { id: "19:sales@thread.tacv2", teamId: TEAM, name: "Sales" };
const HR: TeamsChannel = { id: "19:hr-cx@thread.tacv2", teamId: TEAM, name: "hr-cx" };

let identity: FakeMicrosoftIdentity;
let restoreHttps: () => void;
let h: Harness;
let connector: FakeTeamsConnector;

/** Posts an activity as the Bot Framework does: with a token signed by its (fake) keys. */
async function send(activity: Record<string, unknown>) {
  const token = identity.channelToken({ aud: APP_ID, serviceUrl: connector.url });
  const res = await postActivity(h.messagesUrl, activity, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
}

const textsIn = (conversationId: string) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationId)
    .map((c) => String(c.body.text ?? ""));

/** Types `text` to the bot in personal chat; resolves with the reply (the next text there). */
async function typed(who: TeamsPerson, text: string): Promise<string> {
  const before = textsIn(conversationIdOf(who)).length;
  await send(message(connector.url, who, text));
  return connector.waitFor(() => textsIn(conversationIdOf(who))[before]);
}

const vocabularyRow = () => h.rows(`SELECT industry, terms, version FROM PresenceVocabulary`)[0];
const storedTerms = () => JSON.parse(String(vocabularyRow()?.terms ?? "[]")) as string[];
const signals = () => h.rows(`SELECT day, customer FROM PresenceSignal WHERE channelRef = '${SALES.id}' ORDER BY day`);

beforeAll(async () => {
  identity = await new FakeMicrosoftIdentity().start();
  restoreHttps = identity.routeHttpsHere();
  h = await startHarness({
    now: "2026-11-23T10:00:00Z",
    teams: { appId: APP_ID },
    env: {
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_PASSWORD: "vocabulary-secret",
      MICROSOFT_APP_TENANT_ID: TENANT,
      KUNDENNAH_ADMINS: "aad-admin",
    },
  });
  connector = h.teams!;
  await send(install(connector.url, ADMIN));
  await send(install(connector.url, ANNA));
  await connector.waitFor(() => textsIn(conversationIdOf(ANNA)).length > 0);
}, 120_000);

afterAll(async () => {
  await h?.stop();
  restoreHttps?.();
  await identity?.stop();
});

describe("the workspace vocabulary in Teams", () => {
  it("is for admins only", async () => {
    expect(await typed(ANNA, "presence terms add Zorblax")).toContain("nur Workspace-Admins");
    expect(vocabularyRow()).toBeUndefined();
  });

  it("sets the industry preset, and explains unknown ones without slash commands", async () => {
    expect(await typed(ADMIN, "presence industry hospitality")).toContain("Industry preset: **hospitality (guests");
    expect(vocabularyRow()).toMatchObject({ industry: "hospitality" });
    const unknown = await typed(ADMIN, "presence industry <b>aviation</b>");
    expect(unknown).toContain("I don't know the industry “aviation”");
    expect(await typed(ADMIN, "presence industry")).toContain("`presence industry transport`");
    expect(await typed(ADMIN, "presence industry")).not.toContain("/cx-admin");
  });

  it("adds terms as typed although Teams sends quotes and ampersands as entities, and escapes them in replies", async () => {
    const reply = await typed(
      ADMIN,
      "presence terms add Fahrgast, &quot;Müller, Schmidt &amp; Partner&quot;, [Klick](https://evil.example)",
    );
    expect(reply).toContain(
      "✅ Added “Fahrgast”, “Müller, Schmidt &amp; Partner”, “\\[Klick\\]\\(https://evil\\.example\\)”",
    );
    expect(storedTerms()).toEqual(["Fahrgast", "Müller, Schmidt & Partner", "[Klick](https://evil.example)"]);
    // Smart quotes as Teams clients type them.
    expect(await typed(ADMIN, "presence terms add „Stadtwerke Nord, Süd“")).toContain("“Stadtwerke Nord, Süd”");
    expect(storedTerms()).toContain("Stadtwerke Nord, Süd");
  });

  it("answers bad lists with a friendly error and changes nothing", async () => {
    const before = vocabularyRow();
    expect(await typed(ADMIN, "presence terms remove")).toContain("Which terms should I remove?");
    expect(await typed(ADMIN, "presence terms add &quot;Zorblax")).toContain("A double quote is never closed");
    const many = Array.from({ length: 60 }, (_, i) => `Account ${i}`).join(", ");
    expect(await typed(ADMIN, `presence terms add ${many}`)).toContain("That is 60 terms; one command takes up to 50");
    expect(vocabularyRow()).toEqual(before);
  });

  it("lists and removes terms, also in a channel with an @mention", async () => {
    const list = await typed(ADMIN, "presence terms list");
    expect(list).toContain("**Industry preset:** hospitality");
    expect(list).toContain("**Own terms (4):**");
    const before = textsIn(SALES.id).length;
    await send(channelCommand(connector.url, ADMIN, SALES, "presence terms remove [Klick](https://evil.example)"));
    const removed = await connector.waitFor(() =>
      textsIn(SALES.id)
        .slice(before)
        .find((t) => t.includes("Removed")),
    );
    expect(removed).toContain("3 own terms left");
    expect(storedTerms()).toEqual(["Fahrgast", "Müller, Schmidt & Partner", "Stadtwerke Nord, Süd"]);
  });

  it("counts a channel message naming an account as about customers only after the account is a term", async () => {
    const text = "<p>Zorblax meldet sich morgen wegen der Umstellung.</p>";
    await send(
      channelMessage(connector.url, person("a"), SALES, text, { id: "1700000000001", at: "2026-11-24T09:00:00Z" }),
    );
    await connector.waitFor(() => signals().length === 1);
    expect(signals()).toEqual([{ day: "2026-11-24", customer: 0 }]);

    h.clock.set("2026-11-25T08:00:00Z");
    expect(await typed(ADMIN, "presence terms add Zorblax")).toContain("✅ Added “Zorblax”");
    await send(
      channelMessage(connector.url, person("b"), SALES, text, { id: "1700000000002", at: "2026-11-25T09:00:00Z" }),
    );
    await connector.waitFor(() => signals().length === 2);
    expect(signals()).toEqual([
      { day: "2026-11-24", customer: 0 },
      { day: "2026-11-25", customer: 1 },
    ]);
  });

  it("names the vocabulary in force on the digest card, in the workspace's language", async () => {
    // The tenant took the first admin's language (en-US) when Ada configured it; she chooses German for it.
    expect(await typed(ADMIN, "language de")).toContain("Standardsprache: Deutsch");
    const before = textsIn(HR.id).length;
    await send(channelCommand(connector.url, ADMIN, HR, "digest-channel"));
    await connector.waitFor(() =>
      textsIn(HR.id)
        .slice(before)
        .find((t) => t.includes("weekly digest")),
    );
    h.clock.set("2026-11-30T08:00:00Z"); // Monday 09:00 in Berlin
    expect(await h.app.core.tick()).toMatchObject({ digests: 1, outboxSent: 1 });
    const digest = await connector.waitFor(() =>
      connector.messages().find((c) => c.conversationId === HR.id && Array.isArray(c.body.attachments)),
    );
    const card = JSON.stringify(digest.body.attachments);
    expect(card).toContain(
      "Vokabular: Branche Gastgewerbe + 4 eigene Begriffe — geändert am 25. November; gilt für Nachrichten ab dann.",
    );
  });
});
