// Two replicas on one PostgreSQL database: a channel excluded through replica A is not measured
// through replica B, a real second process (npm start's entry point) that had seen the channel
// measured before; included again through A, B measures it again within seconds.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/database.js";
import { type Harness, startHarness, tempDir } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, SIGNING_SECRET, sign, slashCommand } from "../helpers/slackRequests.js";

let a: Harness | null = null;
let replicaB: ChildProcess | null = null;

afterAll(async () => {
  replicaB?.kill("SIGKILL");
  await a?.stop();
});

/** Starts `src/main.ts` on the harness's database and fake Slack; resolves with its base URL. */
function startReplica(h: Harness): Promise<string> {
  replicaB = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: h.databaseUrl,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: h.slack.apiUrl,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    replicaB!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (url) resolve(url);
    });
    replicaB!.once("exit", (code) => reject(new Error(`replica B exited with ${code}`)));
  });
}

const onPostgres = testDatabase === "postgresql";
describe.skipIf(!onPostgres)(
  `an exclusion across replicas${onPostgres ? "" : " — skipped: set TEST_DATABASE=postgresql to run"}`,
  () => {
    it("stores nothing through replica B for a channel excluded through replica A, and measures it again once included", async () => {
      a = await startHarness({ now: new Date().toISOString(), dir: tempDir() });
      a.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
      const h = a;
      const b = await startReplica(h);
      let n = 0;
      // Like Slack: a non-2xx answer (B's first message runs on a cold process) is delivered again.
      const sayThroughB = async (channel: string) => {
        const at = `${Math.floor(Date.now() / 1000) - 60 + ++n}.000100`;
        const event = {
          type: "message",
          channel,
          user: `U${n % 4}`,
          text: `Der Kunde hat angerufen (${n})`,
          ts: at,
          channel_type: "channel",
          event_ts: at,
        };
        const request = sign(eventCallback(event), JSON_TYPE);
        for (let retry = 0; retry <= 3; retry++) {
          const res = await fetch(`${b}/slack/events`, {
            method: "POST",
            headers: { ...request.headers, ...(retry ? { "x-slack-retry-num": String(retry) } : {}) },
            body: request.body,
          });
          if (res.ok) return;
        }
        throw new Error("replica B never stored the message");
      };
      const signals = (channel: string) =>
        Number(h.rows(`SELECT COUNT(*) AS n FROM "PresenceSignal" WHERE "channelRef" = '${channel}'`)[0]!.n);
      const adminThroughA = async (text: string, reply: string) => {
        await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, "UADMIN", h.slack.responseUrl(reply)), FORM));
        return String(
          (await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${reply}`)?.body)).text,
        );
      };

      // B measures the channel: after the first message (notice and tracking) the second finds it tracked.
      await sayThroughB("CREP");
      await h.slack.waitFor(() => signals("CREP") === 1, 10_000);
      await sayThroughB("CREP");
      await h.slack.waitFor(() => signals("CREP") === 2, 10_000);

      expect(await adminThroughA("channel exclude <#CREP|rep>", "exclude")).toContain(
        "2 stored signal(s) were deleted",
      );
      await sayThroughB("CREP");
      await sayThroughB("COTHER");
      await h.slack.waitFor(() => signals("COTHER") === 1, 10_000);
      expect(signals("CREP")).toBe(0);

      expect(await adminThroughA("channel include <#CREP|rep>", "include")).toContain("measured again");
      // B's view of the channel expires within seconds: a message now and then until one counts.
      const until = Date.now() + 15_000;
      while (signals("CREP") === 0) {
        expect(Date.now()).toBeLessThan(until);
        await sayThroughB("CREP");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }, 60_000);
  },
);
