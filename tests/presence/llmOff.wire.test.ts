// `presence llm off` stops message texts going to the LLM at once — also in the middle of a
// 4-week baseline that is still paging through a slow channel history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAi, startFakeOpenAi } from "../helpers/fakeOpenAi.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand } from "../helpers/slackRequests.js";

const PAGES = 3;
const PER_PAGE = 15;
let h: Harness;
let openAi: FakeOpenAi;

const admin = async (text: string, reply: string) => {
  expect(
    (await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, "UADMIN", h.slack.responseUrl(reply)), FORM))).status,
  ).toBe(200);
  return String(
    (await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${reply}`)?.body)).text,
  );
};

beforeAll(async () => {
  openAi = await startFakeOpenAi();
  h = await startHarness({
    now: "2026-11-23T10:00:00Z",
    env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: openAi.baseUrl },
  });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
});

afterAll(async () => {
  await h?.stop();
  await openAi?.close();
});

describe("switching the LLM off during a baseline", () => {
  it("sends no message text to the LLM after presence llm off, although the baseline goes on", async () => {
    const start = Math.floor(new Date("2026-11-02T09:00:00Z").getTime() / 1000);
    h.slack.history.set(
      "CBASE",
      Array.from({ length: PAGES }, (_, page) =>
        Array.from({ length: PER_PAGE }, (_, i) => ({
          type: "message",
          user: `U${i % 5}`,
          text: `Der Kunde hat angerufen (${page}/${i})`,
          ts: `${start + page * 3600 + i}.000100`,
        })),
      ),
    );
    expect(await admin("presence llm on", "on")).not.toContain("OPENAI_API_KEY");

    // Each history page waits until the test lets it through: the first goes to the LLM, the
    // second is on its way when the admin switches the LLM off.
    const openFirst = h.slack.hold("conversations.history");
    await post(
      h.eventsUrl,
      sign(
        eventCallback({
          type: "member_joined_channel",
          user: "UBOT",
          channel: "CBASE",
          channel_type: "C",
          team: "T0001",
          event_ts: "1",
        }),
        JSON_TYPE,
      ),
    );
    await h.slack.waitFor(() => h.slack.callsOf("conversations.history").length === 1);
    const openRest = h.slack.hold("conversations.history");
    openFirst();
    await h.slack.waitFor(() => h.slack.callsOf("conversations.history").length === 2 && openAi.requests.length > 0);
    const beforeOff = openAi.requests.length;

    expect(await admin("presence llm off", "off")).toContain("off");
    openRest();
    await h.slack.waitFor(
      () => h.rows(`SELECT baselineAt FROM TrackedChannel WHERE channelRef = 'CBASE'`)[0]?.baselineAt,
      10_000,
    );

    expect(h.slack.callsOf("conversations.history")).toHaveLength(PAGES);
    expect(openAi.requests.length).toBe(beforeOff);
    expect(
      h.rows(`SELECT classifier, COUNT(*) AS n FROM PresenceSignal GROUP BY classifier ORDER BY classifier`),
    ).toEqual([
      { classifier: "builtin", n: (PAGES - 1) * PER_PAGE },
      { classifier: "llm", n: PER_PAGE },
    ]);
  });
});
