// `npm run screenshots` needs a browser and minutes, so it does not run here. What is checked:
// that the story it tells holds (the seeded messages are labelled as the digest picture expects,
// in the eight weeks its chart shows, with enough authors per week to be shown at all), that the
// vote it replays is read from what the Playground really sends, and that without Chromium it
// stops at once with a message saying what to install.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  cardClickActivity,
  channelMessageActivity,
  findChromium,
  PLAYGROUND,
  parseCardClick,
  seedMessages,
  seedWeek,
} from "../scripts/lib/screenshotStory.js";
import { classifyMessage } from "../src/core/presence/builtinClassifier.js";
import { isoWeek, localDateTime, recentWeeks } from "../src/core/shared/time.js";

const run = promisify(execFile);

describe("the screenshots' story", () => {
  it("labels every seeded message the way the digest picture expects", () => {
    const messages = seedMessages();
    const verdicts = messages.map((m) => ({ text: m.text, ...classifyMessage(m.text) }));
    expect(verdicts).toEqual(messages.map((m) => ({ text: m.text, ...m.expected })));
    // A trend worth a picture: customers come up more often in the last week than in the first.
    const customerShare = (weeksAgo: number) => {
      const week = messages.filter((m) => m.weeksAgo === weeksAgo);
      return week.filter((m) => m.expected.customer).length / week.length;
    };
    expect(customerShare(1)).toBeGreaterThan(customerShare(8));
  });

  // Monday just after midnight, midweek, and Sunday just before midnight (UTC, the bot's zone).
  for (const now of ["2026-11-30T00:05:00Z", "2026-12-02T13:00:00Z", "2026-12-06T23:55:00Z", "2027-01-03T12:00:00Z"]) {
    it(`puts the messages in the eight weeks before the current one, three or more authors each (now ${now})`, () => {
      const at = new Date(now);
      const today = localDateTime(at, "UTC");
      // The chart of last week's digest: the eight weeks ending with last week.
      const chartWeeks = recentWeeks(today, 9).slice(0, 8);
      const authorsByWeek = new Map<string, Set<string>>();
      seedMessages().forEach((message, index) => {
        const activity = channelMessageActivity(message, index, at, 56150);
        const week = isoWeek(localDateTime(new Date(activity.timestamp), "UTC"));
        expect(week).toBe(chartWeeks[8 - message.weeksAgo]);
        expect(seedWeek(at, message.weeksAgo)).toBe(week); // what the script checks the database against
        authorsByWeek.set(week, (authorsByWeek.get(week) ?? new Set()).add(activity.from.aadObjectId));
      });
      expect([...authorsByWeek.keys()].sort()).toEqual(chartWeeks);
      for (const authors of authorsByWeek.values()) expect(authors.size).toBeGreaterThanOrEqual(3);
    });
  }

  it("replays a vote the Playground sent as another member's click on the same post", () => {
    // The body the Playground 0.2.28 page posts to /_conversation/v1/invoke when Vote is clicked.
    const body = JSON.stringify({
      name: "adaptiveCard/action",
      value: {
        action: {
          type: "Action.Execute",
          title: "👍 Vote · 0 votes",
          verb: "suggestion.vote",
          data: { verb: "suggestion.vote", suggestionId: "4fb036a4-d91d-45c1-8121-8ab2cc0add40" },
        },
      },
      from: { id: "user-id-0" },
      conversation: { id: "team-id;messageid=1796014215446" },
      replyToId: "1796014215446",
    });
    const click = parseCardClick(body);
    expect(click).toEqual({
      verb: "suggestion.vote",
      data: { verb: "suggestion.vote", suggestionId: "4fb036a4-d91d-45c1-8121-8ab2cc0add40" },
      conversationId: "team-id;messageid=1796014215446",
      replyToId: "1796014215446",
    });
    const megan = PLAYGROUND.users[1];
    const activity = cardClickActivity(click!, megan, new Date("2026-11-30T10:00:00Z"), 56150);
    expect(activity).toMatchObject({
      type: "invoke",
      name: "adaptiveCard/action",
      from: { id: "user-id-1", aadObjectId: megan.aadObjectId },
      conversation: {
        id: "team-id;messageid=1796014215446",
        conversationType: "channel",
        tenantId: PLAYGROUND.tenantId,
      },
      replyToId: "1796014215446",
      serviceUrl: "http://localhost:56150/_connector",
      value: {
        action: {
          type: "Action.Execute",
          verb: "suggestion.vote",
          data: { suggestionId: "4fb036a4-d91d-45c1-8121-8ab2cc0add40" },
        },
      },
    });
    expect(parseCardClick('{"type":"message","text":"hi"}')).toBeNull();
    expect(parseCardClick("not json")).toBeNull();
  });
});

describe("npm run screenshots without Chromium", () => {
  it("exits 1 at once, saying what to install, and starts nothing", async () => {
    const failed = await run(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/screenshots.ts"],
      {
        env: { ...process.env, CHROMIUM: "/nonexistent/chromium" },
      },
    ).then(
      () => ({ code: 0, stderr: "", stdout: "" }),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("CHROMIUM is set to /nonexistent/chromium, but there is no such file.");
    expect(failed.stdout).not.toContain("bot on");
  }, 60_000); // tsx compiles the script first, slow on a busy machine

  it("names Debian's package when no Chromium is installed, and uses the one that is", () => {
    const none = findChromium({}, () => false);
    expect("error" in none && none.error).toContain("sudo apt-get install chromium");
    expect(findChromium({}, (file) => file === "/usr/bin/chromium-browser")).toEqual({
      path: "/usr/bin/chromium-browser",
    });
  });
});
