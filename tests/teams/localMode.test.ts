// Teams local mode takes unauthenticated activities, so the server then listens on loopback only.
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";

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
