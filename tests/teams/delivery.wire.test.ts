// Proactive delivery against a misbehaving Bot Connector: 429 is retried (Retry-After honoured)
// and delivered, 502 is retried a bounded number of times and handed back to the outbox, and
// 403 (app removed) switches the conversation reference off until the next installation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/core/shared/model.js";
import type { FakeTeamsConnector } from "../helpers/fakeTeamsConnector.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  conversationIdOf,
  install,
  message,
  postActivity,
  TENANT,
  type TeamsPerson,
} from "../helpers/teamsActivities.js";

const ANNA: TeamsPerson = {
  id: "29:1anna",
  aadObjectId: "aad-anna",
  name: "Anna",
  locale: "en-US",
  timezone: "Europe/Berlin",
};

let h: Harness;
let connector: FakeTeamsConnector;
let workspace: Workspace;

const rows = (sql: string) => h.rows(sql);
const sends = () =>
  connector.calls.filter(
    (c) => c.kind === "send" && c.conversationId === conversationIdOf(ANNA) && Array.isArray(c.body.attachments),
  );
const refActive = () => rows(`SELECT active FROM ConversationRef`)[0]!.active;

beforeAll(async () => {
  // Monday 23 November 2026, 09:00 in Berlin: Anna's weekly nudge is due.
  h = await startHarness({ now: "2026-11-23T08:00:00Z", teams: true });
  connector = h.teams!;
  await postActivity(h.messagesUrl, install(connector.url, ANNA));
  // Local mode without configured admins: the one person on this machine may administrate.
  await postActivity(h.messagesUrl, message(connector.url, ANNA, "leaders add me"));
  workspace = await h.app.stores.workspaces.ensureWorkspace("teams", TENANT, h.app.core.defaults);
  // Leaders are nudged for occurrences after they became leaders; make this Monday's count.
  const member = (await h.app.stores.workspaces.findMember(workspace.id, "aad-anna"))!;
  await h.app.stores.workspaces.updateMember(member.id, { leaderSince: new Date("2026-11-20T00:00:00Z") });
});

afterAll(async () => {
  await h?.stop();
});

describe("Teams delivery wrapper", () => {
  it("retries a 429 after its Retry-After and delivers the scheduled nudge", async () => {
    connector.failNext("send", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const report = await h.app.core.nudges.tick();
    expect(report).toMatchObject({ planned: 1, sent: 1, failed: 0, retrying: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sends().map((c) => c.status)).toEqual([429, 200]);
    expect(rows(`SELECT status, attempts FROM Nudge`)).toEqual([{ status: "sent", attempts: 1 }]);
  });

  it("gives a persistent 502 a bounded number of tries, then leaves it to the outbox", async () => {
    const before = sends().length;
    connector.failNext("send", { status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    h.clock.advance(60_000);
    const report = await h.app.core.nudges.nudgeNow(workspace);
    expect(report).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    // Four tries from our wrapper and not one more: the SDK's own retry policy is off.
    expect(
      sends()
        .slice(before)
        .map((c) => c.status),
    ).toEqual([502, 502, 502, 502]);
    expect(refActive()).toBe(1);
  });

  it("marks the conversation inactive on 403 and stops knocking until the app is installed again", async () => {
    const before = sends().length;
    connector.failNext("send", { status: 403 });
    h.clock.advance(60_000);
    expect(await h.app.core.nudges.nudgeNow(workspace)).toMatchObject({ sent: 0, failed: 1 });
    expect(refActive()).toBe(0);
    expect(
      sends()
        .slice(before)
        .map((c) => c.status),
    ).toEqual([403]);

    h.clock.advance(60_000);
    expect(await h.app.core.nudges.nudgeNow(workspace)).toMatchObject({ sent: 0, failed: 1 });
    expect(sends()).toHaveLength(before + 1); // no further attempt reached the connector
    expect(rows(`SELECT lastError FROM Nudge ORDER BY dueAt DESC LIMIT 1`)[0]!.lastError).toContain("removed");

    // Reinstalling brings the reference back, with a welcome.
    const welcomes = connector.messages().filter((c) => String(c.body.text ?? "").includes("Kundennah")).length;
    await postActivity(h.messagesUrl, install(connector.url, ANNA));
    expect(refActive()).toBe(1);
    expect(connector.messages().filter((c) => String(c.body.text ?? "").includes("Kundennah")).length).toBe(
      welcomes + 1,
    );
    h.clock.advance(60_000);
    expect(await h.app.core.nudges.nudgeNow(workspace)).toMatchObject({ sent: 1 });
  });
});
