// The dashboard in a real browser (Chromium through playwright-core): an admin asks for a link
// over the signed Slack endpoint and in Teams, opens it, and sees the three pages with charts
// drawn by vega-embed (SVG in the page, no CSP violation), the same figures as the week's digest,
// and a table that downloads as CSV. A used link, an expired link and a session cookie for
// another workspace are refused. With DASHBOARD_SCREENSHOTS=1 each page is saved under
// docs/screenshots/ (`npm run screenshots:dashboard`).
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DigestReport } from "../../src/core/presence/ports.js";
import { percent } from "../../src/prompts/format.js";
import { hasChromium, launchBrowser, NO_CHROMIUM } from "../helpers/browser.js";
import { execute, testDatabase } from "../helpers/database.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { eventCallback, FORM, JSON_TYPE, post, sign, slashCommand, viewSubmission } from "../helpers/slackRequests.js";
import { install, message, postActivity, type TeamsPerson } from "../helpers/teamsActivities.js";

if (!hasChromium) console.warn(NO_CHROMIUM);

const CANARY = "CANARY-d45h";
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS === "1" ? path.resolve("docs/screenshots") : null;
const TEAMS_ADMIN: TeamsPerson = { id: "29:1admin", aadObjectId: "aad-admin", name: "Ada Admin", locale: "en-US" };

let h: Harness;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let digest: DigestReport;
const cspViolations: string[] = [];

let replyCount = 0;
async function slackAdmin(text: string): Promise<string> {
  const name = `b${++replyCount}`;
  await post(h.eventsUrl, sign(slashCommand("/cx-admin", text, "UADMIN", h.slack.responseUrl(name)), FORM));
  return String(
    (await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${name}`)?.body)).text,
  );
}
const slackLink = async () => /<(http[^|>]+)\|/.exec(await slackAdmin("dashboard"))![1]!;

const ts = (iso: string, n: number) => `${Math.floor(new Date(iso).getTime() / 1000)}.${String(n).padStart(6, "0")}`;
let eventNumber = 0;
function channelMessage(channel: string, user: string, text: string, at: string) {
  const n = ++eventNumber;
  const event = { type: "message", channel, user, text, ts: ts(at, n), channel_type: "channel", event_ts: ts(at, n) };
  return post(h.eventsUrl, sign(eventCallback(event, `EvDash${n}`), JSON_TYPE));
}

const PRAISE = `Der Kunde hat sich sehr über unseren schnellen Service gefreut, danke an alle! ${CANARY}`;
const COMPLAINT = `Customers keep complaining about the slow checkout, we need to fix it. ${CANARY}`;
const CALLBACK = "Wir haben die Kundin zurückgerufen.";
const NOISE = "Die Pipeline ist wieder grün.";

/** Mondays of weeks 43 to 48 of 2026; each week a few messages per channel, at 10:00 UTC on Tuesday + n hours. */
const WEEKS = ["2026-10-20", "2026-10-27", "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24"];
const CHANNELS: Record<string, { users: string[]; texts: string[] }> = {
  CSUP: { users: ["UA", "UB", "UC", "UD"], texts: [PRAISE, NOISE, COMPLAINT, CALLBACK, PRAISE] },
  CSALES: { users: ["UE", "UF", "UG"], texts: [CALLBACK, NOISE, PRAISE] },
  CTINY: { users: ["UA", "UH"], texts: [PRAISE, NOISE] },
  CSMALL: { users: ["UI"], texts: [CALLBACK] },
};

async function seed() {
  let expected = 0;
  for (const [w, monday] of WEEKS.entries()) {
    for (const [channel, { users, texts }] of Object.entries(CHANNELS)) {
      // Sales only from week 45: its early weeks are "too few people", drawn as such.
      if (channel === "CSALES" && w < 2) continue;
      for (const [i, text] of texts.entries()) {
        const at = new Date(
          new Date(`${monday}T10:00:00Z`).getTime() + 86400_000 + ((i + w) % 5) * 3600_000,
        ).toISOString();
        await channelMessage(channel, users[i % users.length]!, text, at);
        expected++;
      }
    }
  }
  await h.slack.waitFor(() => Number(h.rows(`SELECT COUNT(*) AS n FROM PresenceSignal`)[0]!.n) === expected, 20_000);

  for (const [i, touchpoint] of ["service", "service", "product"].entries()) {
    await post(
      h.eventsUrl,
      sign(
        viewSubmission({
          userId: `UEMMA${i}`,
          callbackId: "suggestion_modal",
          privateMetadata: JSON.stringify({ language: "en" }),
          values: {
            text: {
              value: { type: "plain_text_input", value: `Suggestion ${i + 1}: call customers back within a day` },
            },
            touchpoint: { value: { type: "static_select", selected_option: { value: touchpoint } } },
            anonymous: { value: { type: "checkboxes", selected_options: [] } },
          },
        }),
        FORM,
      ),
    );
  }
  await h.slack.waitFor(() => Number(h.rows(`SELECT COUNT(*) AS n FROM Suggestion`)[0]!.n) === 3);
  // The database stamps suggestions with the wall clock, not the test's: move them into week 48.
  const wednesday = testDatabase === "postgresql" ? "2026-11-25T10:00:00Z" : "2026-11-25T10:00:00.000+00:00";
  execute(h.databaseUrl, `UPDATE "Suggestion" SET "createdAt" = '${wednesday}'`);

  // Week 47's leader figures as the digest froze them (four leaders nudged, three answered):
  // the dashboard reads only such frozen rows. "presence" was answered by too few: no average.
  const workspace = String(h.rows(`SELECT id FROM Workspace WHERE platform = 'slack'`)[0]!.id);
  const questions = JSON.stringify([
    { question: "care", leaders: 3, average: 11 / 3 },
    { question: "presence", leaders: 1, average: null },
    { question: "importance", leaders: 3, average: 4 },
    { question: "ask", leaders: 0, average: null },
    { question: "contact", leaders: 3, average: 3 },
  ]);
  execute(
    h.databaseUrl,
    `INSERT INTO "LeaderWeekFigures" ("workspaceId", "week", "leaders", "nudged", "answered", "questions") VALUES ('${workspace}', '2026-W47', 4, 4, 3, '${questions}')`,
  );
}

beforeAll(async () => {
  if (!hasChromium) return;
  h = await startHarness({ now: "2026-11-23T10:00:00Z", teams: true, env: { KUNDENNAH_ADMINS: "aad-admin" } });
  h.slack.addUser({ id: "UADMIN", is_admin: true, locale: "en-US", tz: "Europe/Berlin" });
  await slackAdmin("language en");
  await slackAdmin("digest-channel <#CHR|hr-cx>");
  await postActivity(h.messagesUrl, install(h.teams!.url, TEAMS_ADMIN));
  await seed();
  // Monday 30 November, 09:00 in Berlin: the digest for week 48 goes out (and freezes its leader figures).
  h.clock.set("2026-11-30T08:00:00Z");
  expect(await h.app.core.tick()).toMatchObject({ digests: 1, outboxSent: 1 });
  h.clock.set("2026-11-30T10:00:00Z");
  const workspace = (await h.app.stores.workspaces.getWorkspace(
    String(h.rows(`SELECT id FROM Workspace WHERE platform = 'slack'`)[0]!.id),
  ))!;
  digest = await h.app.core.presence.report(workspace, "2026-W48", "en");
  browser = await launchBrowser();
  context = browser.context;
  context.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function openLink(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("button").click();
  await page.waitForLoadState("load");
}

async function chartsDrawn(page: Page) {
  await page.waitForSelector("body[data-charts=ready]", { timeout: 15_000 });
  const figures = await page.$$eval("figure.chart", (fs) =>
    fs.map((f) => ({
      rendered: f.getAttribute("data-rendered"),
      svg: f.querySelectorAll("svg").length,
      marks: f.querySelectorAll("svg path, svg rect").length,
    })),
  );
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) expect(f).toMatchObject({ rendered: "true", svg: 1 });
  for (const f of figures) expect(f.marks).toBeGreaterThan(3);
  return figures.length;
}

const rowCells = (page: Page, tableId: string, first: string) =>
  page.$$eval(
    `#${tableId} tbody tr`,
    (rows, first) =>
      rows.map((r) => [...r.children].map((c) => c.textContent!.trim())).find((cells) => cells[0] === first) ?? null,
    first,
  );

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// A real browser on a shared machine: pages and charts can take seconds each under load.
describe.skipIf(!hasChromium)("the dashboard in a browser", { timeout: 90_000 }, () => {
  let slackWorkspacePath = "";
  let firstLink = "";

  it("opens from a Slack link and shows customer presence with the digest's figures", async () => {
    // The digest that went out over the wire says the same as the report the test compares with.
    const posted = JSON.stringify(
      h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === "CHR")!.args.blocks,
    );
    const sup = digest.channels.find((c) => c.channelRef === "CSUP")!;
    expect(posted).toContain(`*${percent(sup.customerShare, "en")}* about customers`);

    firstLink = await slackLink();
    const page = await context.newPage();
    await openLink(page, firstLink);
    expect(page.url()).toMatch(/\/dashboard\/w\/[^/]+\/presence$/);
    slackWorkspacePath = new URL(page.url()).pathname.replace(/presence$/, "");
    expect(await page.textContent("h1")).toBe("Customer presence");
    expect(await chartsDrawn(page)).toBe(2); // the whole workspace and "other channels"

    // The channel table: the digest's channels, this week and the week before, and the folded rest.
    for (const channel of digest.channels) {
      const cells = (await rowCells(page, "table-channels", channel.channelRef!))!;
      expect(cells[2]).toBe(percent(channel.customerShare, "en"));
      expect(cells[3]).toBe(percent(channel.trend[6] ?? null, "en"));
    }
    expect((await rowCells(page, "table-channels", "Other channels"))![2]).toBe(
      percent(digest.other!.customerShare, "en"),
    );
    expect(await rowCells(page, "table-channels", "CTINY")).toBeNull();
    expect(await rowCells(page, "table-channels", "CSMALL")).toBeNull();
    // The workspace's 26 weeks end with the digest's 8, week by week.
    for (const [i, week] of digest.weeks.entries()) {
      const share = digest.workspace.trend[i];
      expect((await rowCells(page, "table-workspace", week))![1]).toBe(
        share === null || share === undefined ? "too few people" : percent(share, "en"),
      );
    }
    const html = await page.content();
    expect(html).not.toContain(CANARY);
    expect(html).not.toContain("Kunde hat sich");

    // Sorting by share: highest first, then turned round.
    await page.click("#table-channels thead button[data-column='2']");
    expect(await page.getAttribute("#table-channels thead th:nth-child(3)", "aria-sort")).toBe("descending");
    await screenshot(page, "dashboard-presence");

    // The channel table as CSV: raw shares, the same rows.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#channels .csv a")]);
    expect(download.suggestedFilename()).toBe("presence-channels.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFChannel,Messages 2026-W48,2026-W48 (latest),2026-W47 (before),Change (points),Appreciative (of those),Disparaging (of those)",
    );
    expect(csv).toContain(`CSUP,${sup.messages},${Math.round(sup.customerShare! * 10_000) / 10_000},`);
    expect(csv).not.toContain("CTINY");

    // One channel's 26 weeks, from the table's link.
    await page.click("#table-channels a[href$='presence/channel/CSUP']");
    expect(await page.textContent("h1")).toBe("Channel CSUP");
    expect(await chartsDrawn(page)).toBe(1);
    expect((await rowCells(page, "table-channel", "2026-W48"))![1]).toBe(percent(sup.customerShare, "en"));
    await page.close();
  });

  it("shows the leaders' frozen figures, never one leader's", async () => {
    const page = await context.newPage();
    await page.goto(`${h.app.url.replace("127.0.0.1", "localhost")}${slackWorkspacePath}leaders`);
    expect(await page.textContent("h1")).toBe("Leaders");
    expect(await chartsDrawn(page)).toBe(2);
    expect(await rowCells(page, "table-answered", "2026-W47")).toEqual(["2026-W47", "4", "4", "3", "75%"]);
    // Week 48 was frozen with no leader nudged; earlier weeks had no digest.
    expect(await rowCells(page, "table-answered", "2026-W48")).toEqual([
      "2026-W48",
      "0",
      "0",
      "too few people",
      "too few people",
    ]);
    expect(await rowCells(page, "table-answered", "2026-W40")).toEqual([
      "2026-W40",
      "no digest yet",
      "no digest yet",
      "no digest yet",
      "no digest yet",
    ]);
    expect(await rowCells(page, "table-averages", "2026-W47")).toEqual([
      "2026-W47",
      "3.7",
      "too few people",
      "4",
      "too few people",
      "3",
    ]);
    await screenshot(page, "dashboard-leaders");
    await page.close();
  });

  it("shows suggestions per week, by status and touchpoint", async () => {
    const page = await context.newPage();
    await page.goto(`${h.app.url.replace("127.0.0.1", "localhost")}${slackWorkspacePath}suggestions`);
    expect(await page.textContent("h1")).toBe("Suggestions");
    expect(await chartsDrawn(page)).toBe(3);
    expect(await rowCells(page, "table-new-per-week", "2026-W48")).toEqual(["2026-W48", "3"]);
    expect(await rowCells(page, "table-status", "New")).toEqual(["New", "3"]);
    expect(await rowCells(page, "table-touchpoints", "Service & support")).toEqual(["Service & support", "2"]);
    expect(await page.textContent(".facts dd")).toBe("no suggestion answered yet");
    await screenshot(page, "dashboard-suggestions");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#touchpoints .csv a")]);
    expect(fs.readFileSync((await download.path())!, "utf8")).toContain("Service & support,2\r\n");
    await page.close();
  });

  it("refuses the used link and an expired one", async () => {
    const page = await context.newPage();
    await openLink(page, firstLink);
    expect(await page.textContent("h1")).toBe("This link was already used");
    const late = await slackLink();
    h.clock.advance(11 * 60_000);
    await openLink(page, late);
    expect(await page.textContent("h1")).toBe("This link has expired");
    expect(await page.textContent("main")).toContain("/cx-admin dashboard");
    await page.close();
  });

  it("opens from a Teams link, and that session cannot read the Slack workspace", async () => {
    const before = h.teams!.messages().length;
    await postActivity(h.messagesUrl, message(h.teams!.url, TEAMS_ADMIN, "dashboard"));
    const reply = await h.teams!.waitFor(() =>
      h
        .teams!.messages()
        .slice(before)
        .find((c) => String(c.body.text ?? "").includes("/dashboard/open")),
    );
    const link = /\]\((http[^)]+)\)/.exec(String(reply.body.text))![1]!;
    const page = await context.newPage();
    await openLink(page, link);
    expect(await page.textContent("h1")).toBe("Customer presence");
    expect(page.url()).not.toContain(slackWorkspacePath);
    expect(await chartsDrawn(page)).toBe(1);
    // The browser now holds the Teams session: the Slack workspace's pages are refused.
    const refused = await page.goto(`${new URL(page.url()).origin}${slackWorkspacePath}presence`);
    expect(refused!.status()).toBe(403);
    expect(await page.textContent("h1")).toBe("Not your workspace");
    await page.close();
  });

  it("ran every page without a Content-Security-Policy violation", () => {
    expect(cspViolations).toEqual([]);
  });
});
