// Teams local mode takes unauthenticated activities, so the server then listens on loopback only.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { message, postActivity, type TeamsPerson } from "../helpers/teamsActivities.js";

const running: Harness[] = [];
afterAll(async () => {
  while (running.length) await running.pop()!.stop();
});

describe("Teams local mode", () => {
  it("listens on 127.0.0.1 only; with an app id the server listens on all interfaces", async () => {
    const local = await startHarness({ teams: true });
    running.push(local);
    expect((local.app.server.address() as AddressInfo).address).toBe("127.0.0.1");
    const azure = await startHarness({ teams: { appId: "00000000-0000-0000-0000-000000000001" } });
    running.push(azure);
    expect((azure.app.server.address() as AddressInfo).address).not.toBe("127.0.0.1");
  });
});

describe("Teams local mode admits this machine only", () => {
  const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna" };
  // What reverse proxies, load balancers and CDNs add; a local proxy would otherwise make every
  // caller on the internet look like this machine, in a mode where everyone is an admin.
  const PROXY_HEADERS: Record<string, string> = {
    forwarded: "for=203.0.113.7",
    via: "1.1 proxy.example.com",
    "x-forwarded-for": "203.0.113.7",
    "x-forwarded-host": "bot.example.com",
    "x-forwarded-proto": "https",
    "x-real-ip": "203.0.113.7",
    "x-client-ip": "203.0.113.7",
    "true-client-ip": "203.0.113.7",
    "cf-connecting-ip": "203.0.113.7",
    "fastly-client-ip": "203.0.113.7",
    "x-cluster-client-ip": "203.0.113.7",
    "x-arr-clientip": "203.0.113.7",
    "x-azure-clientip": "203.0.113.7",
  };
  let h: Harness;
  const workspaces = () => Number(h.rows("SELECT COUNT(*) AS n FROM Workspace")[0]!.n);

  beforeAll(async () => {
    h = await startHarness({ teams: true });
    running.push(h);
  });

  it("refuses a request carrying any proxy header with 403, and stores nothing", async () => {
    for (const [name, value] of Object.entries(PROXY_HEADERS)) {
      const res = await postActivity(h.messagesUrl, message(h.teams!.url, ANNA, "leaders add me"), { [name]: value });
      expect(res.status, name).toBe(403);
    }
    expect(workspaces()).toBe(0);
    expect(h.teams!.calls).toHaveLength(0);
  });

  it("refuses activities that are not Teams ones; the Agents Playground sends msteams, and gets in", async () => {
    for (const channelId of ["webchat", "directline", "emulator"]) {
      const res = await postActivity(h.messagesUrl, { ...message(h.teams!.url, ANNA, "help"), channelId });
      expect(res.status, channelId).toBe(403);
    }
    expect(h.teams!.calls).toHaveLength(0);
    expect((await postActivity(h.messagesUrl, message(h.teams!.url, ANNA, "help"))).status).toBe(200);
    expect(h.teams!.messages()).toHaveLength(1);
  });
});
