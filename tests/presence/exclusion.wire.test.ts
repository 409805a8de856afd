// An excluded channel is not measured, whichever replica excluded it: the exclusion is checked
// where signals are written, not only in a per-process cache. Here the other replica is a
// second connection that writes the exclusion the way `/cx-admin channel exclude` does; the
// test with two real processes on PostgreSQL is in replicaExclusion.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../helpers/database.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, JSON_TYPE, post, sign } from "../helpers/slackRequests.js";

let h: Harness;
let n = 0;
const say = async (channel: string, text: string) => {
  n++;
  const at = `${Math.floor(Date.parse("2026-11-24T09:00:00Z") / 1000) + n}.000100`;
  const event = { type: "message", channel, user: `U${n % 4}`, text, ts: at, channel_type: "channel", event_ts: at };
  expect((await post(h.eventsUrl, sign(eventCallback(event), JSON_TYPE))).status).toBe(200);
};
const signals = (channel: string) =>
  Number(h.rows(`SELECT COUNT(*) AS n FROM PresenceSignal WHERE channelRef = '${channel}'`)[0]!.n);

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T10:00:00Z" });
});

afterAll(async () => {
  await h?.stop();
});

describe("exclusion checked where signals are written", () => {
  it("stores nothing for a channel another replica excluded after this one saw it measured", async () => {
    // Two messages: after the first (the channel's notice and tracking), the second finds it tracked.
    await say("CEXCL", "Der Kunde ist zufrieden");
    await h.slack.waitFor(() => signals("CEXCL") === 1);
    await say("CEXCL", "Wir haben die Kundin zurückgerufen");
    await say("CKEEP", "Customer call went well");
    await h.slack.waitFor(() => signals("CEXCL") === 2 && signals("CKEEP") === 1);

    execute(h.databaseUrl, `UPDATE TrackedChannel SET excluded = true WHERE channelRef = 'CEXCL'`);
    execute(h.databaseUrl, `DELETE FROM PresenceSignal WHERE channelRef = 'CEXCL'`);
    await say("CEXCL", "Customers love the new release");
    await say("CKEEP", "Kundin hat sich bedankt");
    await h.slack.waitFor(() => signals("CKEEP") === 2);
    expect(signals("CEXCL")).toBe(0);
  });
});
