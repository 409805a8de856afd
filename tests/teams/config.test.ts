import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SLACK = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef" };

describe("Teams configuration", () => {
  it("starts in local mode when no platform is configured, and stays off beside Slack unless asked", () => {
    expect(loadConfig({}).teams).toEqual({ mode: "local" });
    expect(loadConfig(SLACK).teams).toBeNull();
    expect(loadConfig({ ...SLACK, TEAMS_LOCAL_MODE: "true" }).teams).toEqual({ mode: "local" });
    expect(loadConfig({ TEAMS_LOCAL_MODE: "false" }).teams).toBeNull();
  });

  it("defaults to SingleTenant and reads the app registration", () => {
    expect(
      loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "pw", MICROSOFT_APP_TENANT_ID: TENANT }).teams,
    ).toEqual({
      mode: "azure",
      appId: APP_ID,
      appPassword: "pw",
      tenantId: TENANT,
      appType: "SingleTenant",
    });
    expect(
      loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "pw", MICROSOFT_APP_TYPE: "multitenant" }).teams,
    ).toMatchObject({ appType: "MultiTenant", tenantId: null });
    expect(
      loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: "UserAssignedMSI", MICROSOFT_APP_TENANT_ID: TENANT })
        .teams,
    ).toMatchObject({ appType: "UserAssignedMSI", appPassword: null });
  });

  it("names the variable when settings are missing or inconsistent", () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "pw" })).toThrow(
      /^MICROSOFT_APP_TENANT_ID: required for MICROSOFT_APP_TYPE=SingleTenant/,
    );
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT })).toThrow(
      /^MICROSOFT_APP_PASSWORD: required/,
    );
    expect(() =>
      loadConfig({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_TYPE: "UserAssignedMSI",
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_PASSWORD: "pw",
      }),
    ).toThrow(/^MICROSOFT_APP_PASSWORD: must be empty/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: "Shared" })).toThrow(
      /^MICROSOFT_APP_TYPE: expected SingleTenant/,
    );
    expect(() => loadConfig({ MICROSOFT_APP_ID: "my-bot" })).toThrow(/^MICROSOFT_APP_ID: expected/);
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: "pw" })).toThrow(/^MICROSOFT_APP_ID: required/);
    expect(() =>
      loadConfig({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "pw",
        MICROSOFT_APP_TENANT_ID: TENANT,
        TEAMS_LOCAL_MODE: "true",
      }),
    ).toThrow(/^TEAMS_LOCAL_MODE/);
  });
});
