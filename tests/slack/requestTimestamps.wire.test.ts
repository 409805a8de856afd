// Slack signs "v0:<timestamp>:<body>" and receivers must refuse requests more than five minutes
// off their clock, either way: a signed request stamped in the future could otherwise be
// replayed until that future has passed. Socket Mode has no signatures and is not concerned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { FORM, post, sign, slashCommand } from "../helpers/slackRequests.js";

let h: Harness;
const leaders = () =>
  h.rows("SELECT externalId FROM Member WHERE isLeader ORDER BY externalId").map((r) => r.externalId);
const secondsFromNow = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

/** `/cx-admin leaders add` for `user`, signed correctly with the given timestamp. */
function addLeader(user: string, timestamp: number, reply: string) {
  const body = slashCommand(
    "/cx-admin",
    `leaders add <@${user}|${user.toLowerCase()}>`,
    "UADMIN",
    h.slack.responseUrl(reply),
  );
  return post(h.eventsUrl, sign(body, FORM, { timestamp }));
}

beforeAll(async () => {
  h = await startHarness();
  h.slack.addUser({ id: "UADMIN", is_admin: true, tz: "Europe/Berlin", locale: "en-US" });
  for (const id of ["UANNA", "UBEN", "UCARL", "UDORA"]) h.slack.addUser({ id, tz: "Europe/Berlin", locale: "en-US" });
});

afterAll(async () => {
  await h?.stop();
});

describe("signed Slack request timestamps", () => {
  it("refuses correctly signed requests stamped more than five minutes ahead or behind, and runs nothing", async () => {
    const callsBefore = h.slack.calls.length;
    for (const [user, offset] of [
      ["UANNA", 6 * 60],
      ["UBEN", 24 * 3600],
      ["UCARL", -6 * 60],
    ] as const) {
      const res = await addLeader(user, secondsFromNow(offset), `refused-${user}`);
      expect(res.status, `${offset} s`).toBe(401);
    }
    expect(leaders()).toEqual([]);
    expect(h.slack.responses).toHaveLength(0);
    expect(h.slack.calls).toHaveLength(callsBefore);
  });

  it("takes them within five minutes either way", async () => {
    expect((await addLeader("UANNA", secondsFromNow(4 * 60), "ahead")).status).toBe(200);
    expect((await addLeader("UDORA", secondsFromNow(-4 * 60), "behind")).status).toBe(200);
    await h.slack.waitFor(() => leaders().length === 2);
    expect(leaders()).toEqual(["UANNA", "UDORA"]);
  });
});
