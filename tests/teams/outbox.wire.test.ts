// Teams cannot say whether a message arrived: the Bot Connector has no way to read the bot's
// sent activities back. An outbox message whose sender stopped mid-send is therefore sent
// again once its claim runs out — a rare double rather than a lost message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  botAdded,
  install,
  message,
  postActivity,
  type TeamsChannel,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };
const TEAM = "19:team-cx@thread.tacv2";
const GENERAL: TeamsChannel = { id: TEAM, teamId: TEAM };

let h: Harness;
let connector: FakeTeamsConnector;
const notices = () =>
  connector
    .delivered("send")
    .filter((c) => c.conversationId === GENERAL.id && String(c.body.text ?? "").includes("never store"));

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-23T10:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  connector = h.teams!;
  await postActivity(h.messagesUrl, install(connector.url, ADMIN));
  await postActivity(h.messagesUrl, message(connector.url, ADMIN, "language en"));
});

afterAll(async () => {
  connector?.answerHeld();
  await h?.stop();
});

describe("an outbox message interrupted mid-send in Teams", () => {
  it("is sent again once the stuck sender's claim has run out", async () => {
    connector.unanswered.add("send");
    await postActivity(h.messagesUrl, botAdded(connector.url, ADMIN, GENERAL));
    await connector.waitFor(() => notices().length === 1);
    connector.unanswered.clear();

    h.clock.advance(2 * 60_000 + 1000);
    expect(await h.app.core.outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(notices()).toHaveLength(2);
    expect(h.logs.join("")).toContain("this platform cannot tell; sending it again");
    expect(h.rows(`SELECT kind, status FROM OutboxMessage`)).toEqual([{ kind: "presence.notice", status: "sent" }]);
  });
});
