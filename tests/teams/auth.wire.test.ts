// With MICROSOFT_APP_ID set, /api/messages admits only activities carrying a valid Bot Framework
// token, and the bot authenticates its own calls to the connector. Both halves run here, for each
// app type, against FakeMicrosoftIdentity (the Bot Framework's OpenID keys, Entra ID's token
// endpoint, an App Service managed-identity endpoint) with the bot in its production
// configuration: SingleTenant and MultiTenant get their connector token from Entra ID with the
// app's secret, UserAssignedMSI from the managed-identity endpoint.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeMicrosoftIdentity } from "../helpers/fakeMicrosoftIdentity.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { install, message, postActivity, TENANT, type TeamsPerson } from "../helpers/teamsActivities.js";

const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna" };
const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com";

interface AppType {
  name: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  appId: string;
  env: Record<string, string>;
}

const APP_TYPES: AppType[] = [
  {
    name: "SingleTenant",
    appId: "11111111-2222-3333-4444-555555555501",
    env: { MICROSOFT_APP_PASSWORD: "single-tenant-secret", MICROSOFT_APP_TENANT_ID: TENANT },
  },
  {
    name: "MultiTenant",
    appId: "11111111-2222-3333-4444-555555555502",
    env: { MICROSOFT_APP_PASSWORD: "multi-tenant-secret", MICROSOFT_APP_TENANT_ID: "" },
  },
  {
    name: "UserAssignedMSI",
    appId: "11111111-2222-3333-4444-555555555503",
    env: { MICROSOFT_APP_PASSWORD: "", MICROSOFT_APP_TENANT_ID: TENANT },
  },
];

let identity: FakeMicrosoftIdentity;
let restoreHttps: () => void;
const savedEnv = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  identity = await new FakeMicrosoftIdentity().start();
  restoreHttps = identity.routeHttpsHere();
  // What App Service sets for an app with a managed identity; only the MSI bot asks for it.
  process.env.IDENTITY_ENDPOINT = identity.identityEndpoint;
  process.env.IDENTITY_HEADER = identity.identityHeader;
});

afterAll(async () => {
  restoreHttps?.();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await identity?.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(APP_TYPES)("Teams authentication, MICROSOFT_APP_TYPE=$name", (type) => {
  let h: Harness;
  const count = (table: string) => Number(h.rows(`SELECT COUNT(*) AS n FROM ${table}`)[0]!.n);

  beforeAll(async () => {
    h = await startHarness({ teams: { appId: type.appId }, env: { MICROSOFT_APP_TYPE: type.name, ...type.env } });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("answers 401 without a token, or with a malformed one", async () => {
    expect((await postActivity(h.messagesUrl, install(h.teams!.url, ANNA))).status).toBe(401);
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer not-a-jwt"]) {
      const res = await postActivity(h.messagesUrl, message(h.teams!.url, ANNA, "help"), { authorization });
      expect(res.status, authorization).toBe(401);
    }
  });

  it("answers 401 to tokens with the wrong audience or issuer, expired ones, ones signed by another key, and ones for another connector", async () => {
    const serviceUrl = h.teams!.url;
    const otherKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const refused: Record<string, string> = {
      "wrong audience": identity.channelToken({ aud: "99999999-2222-3333-4444-555555555555", serviceUrl }),
      "wrong issuer": identity.channelToken({
        aud: type.appId,
        serviceUrl,
        iss: "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
      }),
      // Beyond the five minutes of clock skew the Bot Framework allows.
      expired: identity.channelToken({ aud: type.appId, serviceUrl, expiresIn: -600 }),
      "signed by another key": identity.channelToken({ aud: type.appId, serviceUrl, signWith: otherKey }),
      "signed by an unpublished key": identity.channelToken({
        aud: type.appId,
        serviceUrl,
        signWith: otherKey,
        kid: "unpublished-key",
      }),
      // A token the Bot Framework issued for another bot endpoint cannot send this bot's replies elsewhere.
      "for another connector": identity.channelToken({
        aud: type.appId,
        serviceUrl: "https://smba.trafficmanager.net/emea/",
      }),
    };
    for (const [what, token] of Object.entries(refused)) {
      const res = await postActivity(h.messagesUrl, message(serviceUrl, ANNA, "help"), bearer(token));
      expect(res.status, what).toBe(401);
    }
  });

  it("stores nothing, calls nobody and asks for no token for refused requests (after the previous steps)", async () => {
    expect(count("Workspace")).toBe(0);
    expect(count("Member")).toBe(0);
    expect(count("ConversationRef")).toBe(0);
    expect(h.teams!.calls).toHaveLength(0);
    expect(identity.tokenRequests.filter((r) => r.clientId === type.appId)).toHaveLength(0);
    expect(h.logs.join("")).toContain("teams request refused");
  });

  it("accepts a correctly signed token and replies through the connector with the bot's own token", async () => {
    const token = identity.channelToken({ aud: type.appId, serviceUrl: h.teams!.url });
    const res = await postActivity(h.messagesUrl, message(h.teams!.url, ANNA, "help"), bearer(token));
    expect(res.status).toBe(200);

    const [reply] = await h.teams!.waitFor(() => (h.teams!.messages().length ? h.teams!.messages() : null));
    const requests = identity.tokenRequests.filter((r) => r.clientId === type.appId);
    expect(requests).toHaveLength(1);
    expect(reply!.authorization).toBe(`Bearer ${requests[0]!.issued}`);
    if (type.name === "UserAssignedMSI") {
      expect(requests[0]).toMatchObject({
        via: "managed-identity",
        scope: BOT_FRAMEWORK_SCOPE,
        identityHeader: identity.identityHeader,
      });
    } else {
      // A single-tenant app's token comes from its own tenant; a multi-tenant app's from the Bot Framework's.
      expect(requests[0]).toMatchObject({
        via: "entra",
        tenant: type.name === "SingleTenant" ? TENANT : "botframework.com",
        clientSecret: type.env.MICROSOFT_APP_PASSWORD,
        scope: `${BOT_FRAMEWORK_SCOPE}/.default`,
        grantType: "client_credentials",
      });
    }
  });
});

describe("Activities from other Bot Framework channels", () => {
  // With Web Chat or Direct Line enabled on the Azure Bot, the client chooses its own from.id and
  // tenant, and the Bot Framework signs those activities with the same keys as Teams' ones.
  const type = APP_TYPES[0]!;
  let h: Harness;
  const leaders = () => h.rows("SELECT externalId FROM Member WHERE isLeader").map((r) => r.externalId);
  const leadersAddMe = (channelId: string) => ({ ...message(h.teams!.url, ANNA, "leaders add me"), channelId });
  const token = () => identity.channelToken({ aud: type.appId, serviceUrl: h.teams!.url });

  beforeAll(async () => {
    h = await startHarness({
      teams: { appId: type.appId },
      env: { MICROSOFT_APP_TYPE: type.name, ...type.env, KUNDENNAH_ADMINS: ANNA.aadObjectId! },
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("are refused with 403, even correctly signed and posing as an admin", async () => {
    for (const channelId of ["webchat", "directline"]) {
      const res = await postActivity(h.messagesUrl, leadersAddMe(channelId), bearer(token()));
      expect(res.status, channelId).toBe(403);
    }
    expect(leaders()).toEqual([]);
    expect(h.teams!.calls).toHaveLength(0);
  });

  it("while the same activity from Teams is served (after the previous steps)", async () => {
    expect((await postActivity(h.messagesUrl, leadersAddMe("msteams"), bearer(token()))).status).toBe(200);
    expect(leaders()).toEqual([ANNA.aadObjectId]);
  });
});
