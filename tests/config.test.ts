import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("loadConfig", () => {
  it("starts with sensible defaults and no Slack", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: "file:./data/kundennah.db",
      slack: null,
      defaultLanguage: "de",
      nudgeGraceMs: 6 * 3600_000,
    });
  });

  it("names the variable and what was expected", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET: required for HTTP mode/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxp-1", SLACK_SIGNING_SECRET: SECRET })).toThrow(
      /SLACK_BOT_TOKEN: expected a bot token/,
    );
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" })).toThrow(/SLACK_BOT_TOKEN: required/);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT: expected a whole number/);
    expect(() => loadConfig({ NUDGE_GRACE_HOURS: "-1" })).toThrow(/NUDGE_GRACE_HOURS/);
    expect(() => loadConfig({ DEFAULT_LANGUAGE: "fr" })).toThrow(/DEFAULT_LANGUAGE: expected "de" or "en"/);
    expect(() => loadConfig({ DEFAULT_TIMEZONE: "Berlin" })).toThrow(/DEFAULT_TIMEZONE/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("checks the signing secret's format at start: 32 hex digits, with an example", () => {
    for (const bad of [
      "short",
      "8f742231b10e8888abcd99yyyzzz85a5",
      `${SECRET}0`,
      "xoxb-0123456789abcdef0123456789ab",
    ]) {
      expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: bad })).toThrow(
        /SLACK_SIGNING_SECRET: expected the app's Signing Secret .*32 hex digits such as 0123456789abcdef0123456789abcdef; got \d+ character/,
      );
    }
    // The secret itself never appears in the message (it goes to logs and terminals).
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "short" })).not.toThrow(/short/);
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SECRET.toUpperCase() }).slack?.signingSecret,
    ).toBe(SECRET.toUpperCase());
  });

  it("accepts Socket Mode without a signing secret and admins as a list", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      KUNDENNAH_ADMINS: " U1, U2 ,",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(config.slack).toEqual({
      botToken: "xoxb-1",
      signingSecret: null,
      appToken: "xapp-1",
      apiUrl: "http://127.0.0.1:9/api/",
    });
    expect(config.admins).toEqual(["U1", "U2"]);
  });
});

describe(".env.example", () => {
  it("starts the bot as shipped: copying it to .env is a valid configuration", async () => {
    const { parseEnv } = await import("node:util");
    const fs = await import("node:fs");
    const env = parseEnv(fs.readFileSync(".env.example", "utf8"));
    const config = loadConfig(env);
    expect(config.databaseUrl).toBe("file:./data/kundennah.db");
    expect(config.openai).toBeNull();
    expect(config.presenceMinAuthors).toBe(3);
  });
});
