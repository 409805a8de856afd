// A new Slack workspace takes its language from the first admin who configures it (their profile
// locale, from users.info with include_locale), not from DEFAULT_LANGUAGE; later admins and
// their locales change nothing, and an explicit `/cx-admin language` always wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand } from "../helpers/slackRequests.js";

let h: Harness;
const admin = async (user: string, text: string, reply: string) => {
  await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, user, h.slack.responseUrl(reply)), FORM));
  return String(
    (await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${reply}`)?.body)).text,
  );
};
const language = () => h.rows(`SELECT language, languageChosen FROM Workspace`);

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T10:00:00Z", env: { DEFAULT_LANGUAGE: "de" } });
  h.slack.addUser({ id: "UEMMA", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UKLAUS", is_admin: true, locale: "de-DE", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UEVE", locale: "en-GB", tz: "Europe/Berlin" });
});

afterAll(async () => {
  await h?.stop();
});

describe("a new Slack workspace's language", () => {
  it("comes from the first admin who configures it, and channel posts follow it", async () => {
    // Someone who is not an admin configures nothing: the workspace keeps waiting for an admin.
    expect(await admin("UEVE", "help", "eve")).toContain("only workspace admins");
    expect(language()).toEqual([{ language: "de", languageChosen: 0 }]);

    expect(await admin("UEMMA", "help", "emma")).toContain("Kundennah admin commands");
    expect(h.slack.callsOf("users.info").find((c) => c.args.user === "UEMMA")!.args.include_locale).toBe("true");
    expect(language()).toEqual([{ language: "en", languageChosen: 1 }]);

    // A channel post speaks the workspace's language, not DEFAULT_LANGUAGE.
    await post(
      h.eventsUrl,
      sign(
        eventCallback(
          {
            type: "member_joined_channel",
            user: "UBOT",
            channel: "CTEAM",
            channel_type: "C",
            team: "T0001",
            event_ts: "1",
          },
          "EvJoinLang",
        ),
        JSON_TYPE,
      ),
    );
    const notice = await h.slack.waitFor(() =>
      h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CTEAM"),
    );
    expect(String(notice.args.text)).toContain("Hi, I'm *Kundennah*");
  });

  it("is not changed by a later admin's locale, and an explicit choice always wins", async () => {
    expect(await admin("UKLAUS", "leaders list", "klaus")).toContain("Noch keine Führungskräfte"); // his own language for replies
    expect(language()).toEqual([{ language: "en", languageChosen: 1 }]);
    expect(await admin("UKLAUS", "language de", "explicit")).toContain("Standardsprache: Deutsch");
    expect(await admin("UEMMA", "help", "emma-again")).toContain("Kundennah admin commands");
    expect(language()).toEqual([{ language: "de", languageChosen: 1 }]);
  });
});
