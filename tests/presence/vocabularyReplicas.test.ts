// Two replicas on one PostgreSQL database, each with its own classifier cache: a term an admin
// adds through replica A is used by A from the next message on, and by B once B's vocabulary
// TTL has passed (B then reads the version, sees it moved, and rebuilds once).
import { afterAll, describe, expect, it } from "vitest";
import { VOCABULARY_TTL_MS } from "../../src/core/presence/workspaceClassifiers.js";
import { testDatabase } from "../helpers/database.js";
import { type Harness, startHarness, tempDir } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand } from "../helpers/slackRequests.js";

/** Delivers an event as Slack does: a 503 (not stored in time) is delivered again, up to three times. */
async function deliver(url: string, body: string) {
  let res = await post(url, sign(body, JSON_TYPE));
  for (let retry = 0; retry < 3 && res.status === 503; retry++) res = await post(url, sign(body, JSON_TYPE));
  return res;
}

const running: Harness[] = [];
afterAll(async () => {
  while (running.length) await running.pop()!.stop();
});

const TEXT = "Zorblax meldet sich morgen wegen der Umstellung.";
const ts = (iso: string) => `${Math.floor(new Date(iso).getTime() / 1000)}.000000`;
const send = (h: Harness, user: string, at: string, id: string) =>
  deliver(
    h.eventsUrl,
    eventCallback(
      { type: "message", channel: "CSALES", user, text: TEXT, ts: ts(at), channel_type: "channel", event_ts: ts(at) },
      id,
    ),
  );

const onPostgres = testDatabase === "postgresql";
describe.skipIf(!onPostgres)(
  `vocabulary on two replicas${onPostgres ? "" : " — skipped: needs PostgreSQL (TEST_DATABASE=postgresql)"}`,
  () => {
    it("is used by the replica that changed it at once, and by the other one after the TTL", async () => {
      const dir = tempDir();
      const a = await startHarness({ now: "2026-11-23T10:00:00Z", dir });
      running.push(a);
      const b = await startHarness({ now: "2026-11-23T10:00:00Z", dir });
      running.push(b);
      const byDay = () => a.rows(`SELECT day, customer FROM PresenceSignal ORDER BY day`);

      // Both replicas classify once, so both hold the workspace's (empty) vocabulary.
      await send(a, "UA", "2026-11-23T09:00:00Z", "EvA1");
      await send(b, "UB", "2026-11-23T09:30:00Z", "EvB1");
      await a.slack.waitFor(() => byDay().length === 2);

      a.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
      await post(
        a.eventsUrl,
        sign(slashCommand("/cx-admin", "presence terms add Zorblax", "UADMIN", a.slack.responseUrl("add")), FORM),
      );
      expect(
        String((await a.slack.waitFor(() => a.slack.responses.find((r) => r.path === "/response/add")?.body)).text),
      ).toContain("Added");

      await send(a, "UC", "2026-11-24T09:00:00Z", "EvA2"); // A: at once
      await send(b, "UD", "2026-11-25T09:00:00Z", "EvB2"); // B: still within its TTL
      await a.slack.waitFor(() => byDay().length === 4);
      b.clock.advance(VOCABULARY_TTL_MS + 1_000);
      await send(b, "UE", "2026-11-26T09:00:00Z", "EvB3"); // B: after the TTL
      await a.slack.waitFor(() => byDay().length === 5);
      expect(byDay()).toEqual([
        { day: "2026-11-23", customer: 0 },
        { day: "2026-11-23", customer: 0 },
        { day: "2026-11-24", customer: 1 },
        { day: "2026-11-25", customer: 0 },
        { day: "2026-11-26", customer: 1 },
      ]);
    }, 120_000);
  },
);
