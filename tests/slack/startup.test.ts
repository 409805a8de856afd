// Starting with Slack configured: a token Slack refuses stops the start (exit 78, naming
// SLACK_BOT_TOKEN, not the Web API's "An API error occurred"); Slack unreachable at start does
// not — Teams keeps serving, Slack is retried in the background, and /healthz names the door
// that is not ready until it is.
import { spawn } from "node:child_process";
import net from "node:net";
import readline from "node:readline";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { databaseUrlFor } from "../helpers/database.js";
import { FakeSlack } from "../helpers/fakeSlack.js";
import { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { tempDir } from "../helpers/harness.js";
import { eventCallback, JSON_TYPE, SIGNING_SECRET, sign } from "../helpers/slackRequests.js";
import { message, postActivity, type TeamsPerson } from "../helpers/teamsActivities.js";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe("Slack start-up", () => {
  it("names SLACK_BOT_TOKEN and exits 78 when Slack refuses the token", async () => {
    const slack = await new FakeSlack().start();
    cleanup.push(() => slack.stop());
    // Bolt's client retries, and every attempt is refused the same way.
    slack.failNext("auth.test", ...Array.from({ length: 5 }, () => ({ error: "invalid_auth" })));
    const dir = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_URL: `file:${dir}/k.db`,
        PORT: "0",
        LOG_LEVEL: "info",
        SLACK_BOT_TOKEN: "xoxb-revoked",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    readline.createInterface({ input: child.stdout }).on("line", (line) => (stdout += `${line}\n`));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(78);
    expect(stderr).toContain(
      "configuration problem: SLACK_BOT_TOKEN: was refused by Slack (invalid_auth): copy the Bot User OAuth Token (xoxb-…)",
    );
    expect(stderr + stdout).not.toContain("An API error occurred");
    expect(stderr + stdout).not.toContain("xoxb-revoked");
    expect(slack.callsOf("auth.test").length).toBeGreaterThan(0);
  }, 60_000);

  it("keeps Teams serving while Slack is unreachable, retries Slack, and /healthz says which door is not ready", async () => {
    const slackPort = await freePort(); // nothing listens here yet: Slack is unreachable
    const teams = await new FakeTeamsConnector().start();
    cleanup.push(() => teams.stop());
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({
      PORT: "0",
      DATABASE_URL: databaseUrlFor(tempDir()),
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      TEAMS_LOCAL_MODE: "true",
      LOG_LEVEL: "info",
    });
    const app: RunningApp = await startApp(config, {
      logger: createLogger(config.logLevel, sink),
      startScheduler: false,
      slack: { retryDelaysMs: [100, 200], firstAttemptMs: 5_000 },
    });
    cleanup.push(() => app.stop());
    const health = async () => (await fetch(`${app.url}/healthz`)).json() as Promise<Record<string, unknown>>;

    const down = await health();
    expect(down).toMatchObject({ status: "degraded", database: "ok", slack: "not ready", teams: "ok" });
    expect((down.doors as Record<string, string>).slack).toBe("Slack could not be reached");
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(logs.join("")).toContain("Slack is not reachable; retrying in the background");

    // Teams answers meanwhile.
    const person: TeamsPerson = { id: "29:1ida", aadObjectId: "aad-ida", name: "Ida", locale: "en-US" };
    expect((await postActivity(`${app.url}/api/messages`, message(teams.url, person, "help"))).status).toBe(200);
    await teams.waitFor(() => teams.messages().length > 0);

    // A Slack request that arrives before the token was checked is answered 503: Slack retries it.
    const early = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      ...sign(
        eventCallback({ type: "app_mention", channel: "C1", user: "U1", text: "hi", ts: "1.1" }, "EvEarly"),
        JSON_TYPE,
      ),
    });
    expect(early.status).toBe(503);

    // Slack comes up where the bot looks for it; the background retry connects.
    const slack = await new FakeSlack().start(slackPort);
    cleanup.push(() => slack.stop());
    await slack.waitFor(() => slack.callsOf("auth.test").length > 0, 10_000);
    for (let i = 0; i < 100 && (await health()).slack !== "ok"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await health()).toEqual({ status: "ok", database: "ok", slack: "ok", teams: "ok" });
    expect(logs.join("")).toContain("Slack is reachable again; the Slack door is ready");
  }, 60_000);
});
