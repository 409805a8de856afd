// A new Teams tenant takes its language from the person who installs the app first (the
// activity's locale), not from DEFAULT_LANGUAGE; later installs change nothing, and an explicit
// `language` command always wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  botAdded,
  install,
  message,
  postActivity,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const EMMA: TeamsPerson = { id: "29:1emma", aadObjectId: "aad-emma", name: "Emma", locale: "en-GB" };
const KLAUS: TeamsPerson = { id: "29:1klaus", aadObjectId: "aad-klaus", name: "Klaus", locale: "de-DE" };
const TEAM = "19:team-lang@thread.tacv2";
const GENERAL: TeamsChannel = { id: TEAM, teamId: TEAM };

let h: Harness;
let connector: FakeTeamsConnector;
const post = (body: unknown) => postActivity(h.messagesUrl, body);
const language = () => h.rows(`SELECT language, languageChosen FROM Workspace`);
const textsIn = (conversationId: string) =>
  connector
    .messages()
    .filter((c) => c.conversationId === conversationId)
    .map((c) => String(c.body.text ?? ""));

beforeAll(async () => {
  h = await startHarness({
    now: "2026-11-23T10:00:00Z",
    teams: true,
    env: { DEFAULT_LANGUAGE: "de", KUNDENNAH_ADMINS: "aad-emma,aad-klaus" },
  });
  connector = h.teams!;
});

afterAll(async () => {
  await h?.stop();
});

describe("a new Teams tenant's language", () => {
  it("comes from the person who installs the app first, and channel posts follow it", async () => {
    expect((await post(install(connector.url, EMMA))).status).toBe(200);
    expect(language()).toEqual([{ language: "en", languageChosen: 1 }]);
    await post(botAdded(connector.url, EMMA, GENERAL));
    const notice = await connector.waitFor(() => textsIn(GENERAL.id).find((t) => t.includes("Kundennah")));
    expect(notice).toContain("Hi, I'm **Kundennah**");
  });

  it("is not changed by a later install in another language, and an explicit choice always wins", async () => {
    await post(install(connector.url, KLAUS));
    expect(language()).toEqual([{ language: "en", languageChosen: 1 }]);
    await post(message(connector.url, KLAUS, "language de"));
    await connector.waitFor(() =>
      connector.messages().find((c) => String(c.body.text).includes("Standardsprache: Deutsch")),
    );
    await post(install(connector.url, { ...EMMA, id: "29:1emma2", aadObjectId: "aad-emma2" }));
    expect(language()).toEqual([{ language: "de", languageChosen: 1 }]);
  });
});
