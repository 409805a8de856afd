// Neutral copy and its two dialects: one text, written once, read right in Slack and in Teams.
import { describe, expect, it } from "vitest";
import { slackText } from "../../src/bots/slack/mrkdwn.js";
import { teamsText } from "../../src/bots/teams/markdown.js";
import { dashboardTexts } from "../../src/prompts/dashboardTexts.js";
import { mirrorTexts } from "../../src/prompts/mirrorTexts.js";
import { presenceTexts } from "../../src/prompts/presenceTexts.js";
import { suggestionTexts } from "../../src/prompts/suggestionTexts.js";
import { TEXTS } from "../../src/prompts/texts.js";
import { vocabularyTexts } from "../../src/prompts/vocabularyTexts.js";
import { commandPlaceholder, renderCopy } from "../../src/views/copy.js";

describe("neutral copy", () => {
  it("names each command once and lets each door word it", () => {
    const text =
      "`{cmd:me}` · `{cmd:me pause 2w}` · `{cmd:me resume}` · `{cmd:checkin}` · `{cmd:admin leaders add @anna}`";
    expect(slackText(text)).toBe(
      "`/cx-me` · `/cx-me pause 2w` · `/cx-me resume` · `/cx-checkin` · `/cx-admin leaders add @anna`",
    );
    expect(teamsText(text)).toBe("`me` · `pause 2w` · `resume` · `checkin` · `leaders add @anna`");
    const more = "{cmd:suggest} {cmd:ask} {cmd:mirror start @ben} {cmd:admin mirror schedule off}";
    expect(slackText(more)).toBe("/cx-suggest /cx-ask /cx-mirror start @ben /cx-admin mirror schedule off");
    expect(teamsText(more)).toBe("suggest ask mirror start @ben mirror schedule off");
  });

  it("writes bold as markdown: Slack's mrkdwn gets single stars, Teams keeps it", () => {
    expect(slackText("✅ Your answer: **4 – Mostly**, _gently_")).toBe("✅ Your answer: *4 – Mostly*, _gently_");
    expect(teamsText("✅ Your answer: **4 – Mostly**, _gently_")).toBe("✅ Your answer: **4 – Mostly**, _gently_");
  });

  it("leaves what is no placeholder alone", () => {
    const dialect = { bold: (t: string) => `<b>${t}</b>`, command: () => "CMD" };
    expect(renderCopy("{cmd:dance now} {cmd:} { cmd:me } 2 * 3 * 4", dialect)).toBe(
      "{cmd:dance now} {cmd:} { cmd:me } 2 * 3 * 4",
    );
    expect(renderCopy(commandPlaceholder("admin", "leaders list"), dialect)).toBe("CMD");
  });

  it("is written neutrally everywhere: no slash command or Slack bold left in the chat copy", () => {
    const strings = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : typeof value === "function"
          ? [] // filled-in texts are checked through the doors' wire tests
          : value && typeof value === "object"
            ? Object.values(value).flatMap(strings)
            : [];
    for (const language of ["en", "de"] as const) {
      const chat = [
        TEXTS[language],
        suggestionTexts(language),
        presenceTexts(language),
        vocabularyTexts(language),
        mirrorTexts(language),
        // The dashboard's pages name both platforms' commands on purpose; its chat texts do not.
        { help: dashboardTexts(language).help, noViewers: dashboardTexts(language).noViewers },
      ].flatMap(strings);
      expect(chat.filter((s) => /\/cx-/.test(s))).toEqual([]);
      expect(chat.filter((s) => /(^|[^*])\*[^*\s][^*]*\*(?!\*)/.test(s))).toEqual([]);
    }
  });
});
