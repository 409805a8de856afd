// With MICROSOFT_APP_ID set, /api/messages admits only requests carrying a valid Bot Framework
// token. A positive test would need a token signed by Microsoft and its OpenID metadata, which
// this machine cannot reach; the refusals are what we can (and must) prove here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { install, message, postActivity, type TeamsPerson } from "../helpers/teamsActivities.js";

const ANNA: TeamsPerson = { id: "29:1anna", aadObjectId: "aad-anna", name: "Anna" };
const APP_ID = "11111111-2222-3333-4444-555555555555";

/** An unsigned JWT with the claims Teams would send; its signature cannot be valid. */
function forgedToken(issuer: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: "RS256", typ: "JWT", kid: "not-a-microsoft-key" })}.${b64({ iss: issuer, aud: APP_ID, serviceurl: "http://127.0.0.1:1/", nbf: now - 60, exp: now + 3600 })}.${Buffer.from("sig").toString("base64url")}`;
}

let h: Harness;
const count = (table: string) => Number(h.rows(`SELECT COUNT(*) AS n FROM ${table}`)[0]!.n);

beforeAll(async () => {
  h = await startHarness({ teams: { appId: APP_ID } });
});

afterAll(async () => {
  await h?.stop();
});

describe("Teams authentication with an app id", () => {
  it("answers 401 without an Authorization header", async () => {
    const res = await postActivity(h.messagesUrl, install(h.teams!.url, ANNA));
    expect(res.status).toBe(401);
  });

  it("answers 401 to a malformed or forged token", async () => {
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer not-a-jwt", `Bearer ${forgedToken("https://evil.example.com")}`]) {
      const res = await postActivity(h.messagesUrl, message(h.teams!.url, ANNA, "leaders add me"), { authorization });
      expect(res.status, authorization.slice(0, 12)).toBe(401);
    }
  });

  it("stores nothing and calls nobody for refused requests", async () => {
    expect(count("Workspace")).toBe(0);
    expect(count("Member")).toBe(0);
    expect(count("ConversationRef")).toBe(0);
    expect(h.teams!.calls).toHaveLength(0);
    expect(h.logs.join("")).toContain("teams request refused");
  });
});
