// Who gets into the dashboard, over the wire: viewers named and removed with /cx-admin (Slack)
// and typed commands (Teams), personal one-time links over the signed Slack endpoint and in the
// Teams personal chat, single use, expiry, forged links, the redemption rate limit, the cookie's
// flags, the Content-Security-Policy, and a session that reads only its own workspace.
import crypto from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDEEM_LIMIT } from "../../src/dashboard/routes.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { FORM, post, sign, slashCommand } from "../helpers/slackRequests.js";
import { install, message, postActivity, type TeamsPerson } from "../helpers/teamsActivities.js";

let h: Harness;
const TEAMS_ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "de-DE" };
const TEAMS_PERSON: TeamsPerson = { id: "29:1emil", aadObjectId: "aad-emil", name: "Emil", locale: "en-US" };

let replies = 0;
async function slackAdmin(user: string, text: string): Promise<string> {
  const name = `r${++replies}`;
  await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, user, h.slack.responseUrl(name)), FORM));
  const body = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body);
  return String(body.text);
}

async function teamsSay(person: TeamsPerson, text: string): Promise<string> {
  const before = h.teams!.messages().length;
  await postActivity(h.messagesUrl, message(h.teams!.url, person, text));
  const reply = await h.teams!.waitFor(() =>
    h
      .teams!.messages()
      .slice(before)
      .find((c) => typeof c.body.text === "string"),
  );
  return String(reply.body.text);
}

const slackLink = (reply: string) => /<(http[^|>]+)\|/.exec(reply)?.[1];
const teamsLink = (reply: string) => /\]\((http[^)]+)\)/.exec(reply)?.[1];
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

/**
 * One request on its own connection. The test reads the database synchronously (h.rows,
 * h.storedText) in the app's own process; a kept-alive connection can time out on the server
 * meanwhile and reset the next request on it.
 */
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${h.app.url}${path}`,
      { method: options.method ?? "GET", headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode!, headers }));
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** What the browser's form does: POST the token; the answer is a redirect with the cookie, or a page. */
async function redeem(token: string, headers: Record<string, string> = {}) {
  return call("/dashboard/open", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ token }).toString(),
  });
}

const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0]!;
const page = (path: string, cookie?: string) => call(path, { headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-30T10:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UHR", locale: "de-DE", tz: "Europe/Berlin" });
  h.slack.addUser({ id: "UNOBODY", locale: "en-US", tz: "Europe/Berlin" });
  await postActivity(h.messagesUrl, install(h.teams!.url, TEAMS_ADMIN));
  await postActivity(h.messagesUrl, install(h.teams!.url, TEAMS_PERSON));
});

afterAll(async () => {
  await h?.stop();
});

describe("dashboard access", () => {
  it("hands an admin a personal one-time link over the signed Slack endpoint, stored only as a hash", async () => {
    const reply = await slackAdmin("UADMIN", "dashboard");
    expect(reply).toContain("works once and for 10 minutes");
    const link = slackLink(reply)!;
    expect(link).toMatch(/^http:\/\/localhost:\d+\/dashboard\/open\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    // 32 random bytes; the database keeps only the SHA-256 of the token.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(h.storedText()).not.toContain(token);
    expect(h.rows(`SELECT tokenHash FROM DashboardToken`)).toEqual([
      { tokenHash: crypto.createHash("sha256").update(token).digest("hex") },
    ]);

    // Opening the link (GET) only shows a button: link previews cannot use the token up.
    const open = await page(`/dashboard/open?token=${token}`);
    expect(open.status).toBe(200);
    const html = await open.text();
    expect(html).toContain('<form method="post" action="/dashboard/open">');
    expect(open.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const first = await redeem(token);
    expect(first.status).toBe(303);
    const workspaceId = String(h.rows(`SELECT id FROM Workspace WHERE platform = 'slack'`)[0]!.id);
    expect(first.headers.get("location")).toBe(`/dashboard/w/${workspaceId}/presence`);
    const setCookie = first.headers.get("set-cookie")!;
    expect(setCookie).toMatch(
      /^kundennah_session=[A-Za-z0-9_-]{43}; Path=\/dashboard; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    );
    const sessionId = cookieOf(first).split("=")[1]!;
    expect(h.storedText()).not.toContain(sessionId);
    expect(h.rows(`SELECT idHash, person, language FROM DashboardSession`)).toEqual([
      { idHash: crypto.createHash("sha256").update(sessionId).digest("hex"), person: "UADMIN", language: "en" },
    ]);
    const presence = await page(`/dashboard/w/${workspaceId}/presence`, cookieOf(first));
    expect(presence.status).toBe(200);
    expect(await presence.text()).toContain("<h1>Customer presence</h1>");

    // The same link again: refused, in the owner's language, with what to do.
    const again = await redeem(token);
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie")).toBeNull();
    const used = await again.text();
    expect(used).toContain("This link was already used");
    expect(used).toContain("<code>/cx-admin dashboard</code>");
    // storedText() reads every table twice: slow on PostgreSQL on a busy machine.
  }, 60_000);

  it("refuses an expired link and a forged one with a friendly page in the viewer's language", async () => {
    const link = slackLink(await slackAdmin("UADMIN", "dashboard"))!;
    h.clock.advance(10 * 60_000 + 1000);
    const expired = await redeem(tokenOf(link));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This link has expired");

    const forged = await redeem(crypto.randomBytes(32).toString("base64url"), { "accept-language": "de-DE,de;q=0.9" });
    expect(forged.status).toBe(400);
    const text = await forged.text();
    expect(text).toContain('<html lang="de">');
    expect(text).toContain("Dieser Link ist ungültig");
    expect(text).not.toMatch(/at \w+ \(|Error:/);
    expect(forged.headers.get("set-cookie")).toBeNull();
  });

  it("lets an admin name viewers who may look but not change settings, and ends a removed viewer's session", async () => {
    expect(await slackAdmin("UHR", "dashboard")).toContain("Das Dashboard ist leider nur für Kundennah-Admins");
    expect(await slackAdmin("UADMIN", "viewers add <@UHR>")).toContain("Dashboard viewers now: <@UHR>");
    expect(await slackAdmin("UADMIN", "viewers list")).toContain("*Dashboard viewers (1):* <@UHR>");
    // A viewer gets a link (in their own language) and nothing else.
    const reply = await slackAdmin("UHR", "dashboard");
    expect(reply).toContain("Dein persönlicher Dashboard-Link");
    expect(await slackAdmin("UHR", "leaders list")).toContain("Das dürfen leider nur");
    expect(await slackAdmin("UHR", "viewers add <@UNOBODY>")).toContain("Das dürfen leider nur");
    expect(await slackAdmin("UNOBODY", "dashboard")).toContain(
      "the dashboard is for Kundennah admins and the viewers they named",
    );

    const res = await redeem(tokenOf(slackLink(reply)!));
    const cookie = cookieOf(res);
    const path = res.headers.get("location")!;
    const shown = await page(path, cookie);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<html lang="de">');

    expect(await slackAdmin("UADMIN", "viewers remove <@UHR>")).toContain("open dashboard sessions have ended");
    const after = await page(path, cookie);
    expect(after.status).toBe(401);
    expect(await after.text()).toContain("Deine Dashboard-Sitzung ist beendet");
    expect(await slackAdmin("UADMIN", "viewers list")).toContain("No dashboard viewers yet");
  });

  it("sends the Teams link in the personal chat, and a Teams session cannot read the Slack workspace", async () => {
    expect(await teamsSay(TEAMS_PERSON, "dashboard")).toContain(
      "the dashboard is for Kundennah admins and the viewers they named",
    );
    const reply = await teamsSay(TEAMS_ADMIN, "dashboard");
    expect(reply).toContain("Dein persönlicher Dashboard-Link: [Dein Dashboard öffnen](");
    const res = await redeem(tokenOf(teamsLink(reply)!));
    expect(res.status).toBe(303);
    const teamsWorkspace = String(h.rows(`SELECT id FROM Workspace WHERE platform = 'teams'`)[0]!.id);
    const slackWorkspace = String(h.rows(`SELECT id FROM Workspace WHERE platform = 'slack'`)[0]!.id);
    expect(res.headers.get("location")).toBe(`/dashboard/w/${teamsWorkspace}/presence`);
    const cookie = cookieOf(res);
    expect((await page(`/dashboard/w/${teamsWorkspace}/leaders`, cookie)).status).toBe(200);
    for (const path of [
      "presence",
      "leaders",
      "suggestions",
      "presence/workspace.csv",
      "suggestions/new-per-week.csv",
    ]) {
      const other = await page(`/dashboard/w/${slackWorkspace}/${path}`, cookie);
      expect(other.status).toBe(403);
      expect(await other.text()).toContain("Nicht dein Workspace");
    }
    // No cookie, or one never issued: signed out.
    expect((await page(`/dashboard/w/${teamsWorkspace}/presence`)).status).toBe(401);
    expect(
      (
        await page(
          `/dashboard/w/${teamsWorkspace}/presence`,
          `kundennah_session=${crypto.randomBytes(32).toString("base64url")}`,
        )
      ).status,
    ).toBe(401);
  });

  it("limits link redemptions per address", async () => {
    // The earlier tests used some of this address's budget; use up the rest with forged tokens.
    let status = 0;
    for (let i = 0; i <= REDEEM_LIMIT.attempts && status !== 429; i++) status = (await redeem(`forged-${i}`)).status;
    expect(status).toBe(429);
    // Even a valid link waits now.
    const limited = await redeem(tokenOf(slackLink(await slackAdmin("UADMIN", "dashboard"))!), {
      "accept-language": "en-GB,en;q=0.8",
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(String(REDEEM_LIMIT.windowMs / 1000));
    expect(await limited.text()).toContain("Too many attempts");
  });
});

describe("PUBLIC_URL", () => {
  it("names the host of the link and makes the cookie Secure over https", async () => {
    const other = await startHarness({ now: "2026-11-30T10:00:00Z", env: { PUBLIC_URL: "https://bot.example.com/" } });
    try {
      other.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
      await post(
        other.eventsUrl,
        sign(slashCommand("/cx-admin", "dashboard", "UADMIN", other.slack.responseUrl("link")), FORM),
      );
      const body = await other.slack.waitFor(
        () => other.slack.responses.find((r) => r.path === "/response/link")?.body,
      );
      const link = slackLink(String(body.text))!;
      expect(link).toMatch(/^https:\/\/bot\.example\.com\/dashboard\/open\?token=/);
      const res = await fetch(`${other.app.url}/dashboard/open`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: tokenOf(link) }).toString(),
      });
      expect(res.headers.get("set-cookie")).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      await other.stop();
    }
  });
});
