// npm run screenshots — retakes the README's pictures (docs/screenshots/*.png) from the real bot:
// it starts Kundennah in Teams local mode on a throwaway SQLite database and the Microsoft 365
// Agents Playground on free ports, drives the Playground with Debian's Chromium (playwright-core,
// no browser download) the way a person would, and crops each picture to the card it is about.
// Run it after any change to a card. Everything it starts is stopped again, also on Ctrl-C.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import {
  type CardClick,
  cardClickActivity,
  channelMessageActivity,
  clipAround,
  findChromium,
  PLAYGROUND,
  parseCardClick,
  seedMessages,
  seedWeek,
} from "./lib/screenshotStory.js";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const OUT = path.join(ROOT, "docs/screenshots");
/** GitHub shows big PNGs slowly and the repository keeps every version: keep each picture small. */
const MAX_BYTES = 300 * 1024;
/** Generous: the machines this runs on may be busy with test suites. */
const STEP_TIMEOUT_MS = 90_000;

class ScreenshotError extends Error {}

function fail(message: string): never {
  throw new ScreenshotError(message);
}

/** Without an emoji font Chromium draws empty boxes where the cards have emoji. */
function checkEmojiFont(): void {
  const fcList = spawnSync("fc-list", [":charset=1f44d", "family"], { encoding: "utf8" });
  if (fcList.error) return; // no fontconfig (not Linux): nothing to check with
  if (!fcList.stdout.trim()) {
    fail(
      "No emoji font is installed, so the cards' emoji would show as empty boxes. Install one: `sudo apt-get install fonts-noto-color-emoji`.",
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];

/** Output of the bot and the Playground, shown only when something goes wrong. */
const childOutput: string[] = [];

function start(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(process.execPath, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      childOutput.push(`[${name}] ${line}`);
      if (childOutput.length > 200) childOutput.shift();
    });
  }
  return child;
}

async function stopChildren(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

async function waitForHealth(port: number, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) fail(`the bot exited (code ${bot.exitCode}) while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail("the bot did not answer /healthz within a minute");
}

/** The Playground moves to another port when its own is taken; the loopback preload says which it got. */
function waitForPlayground(playground: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ScreenshotError("the Playground did not start listening within a minute")),
      60_000,
    );
    readline.createInterface({ input: playground.stdout! }).on("line", (line) => {
      const listening = /^kundennah-dev: playground listening on [^\s]+:(\d+)$/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    playground.once("exit", (code) =>
      reject(new ScreenshotError(`the Playground exited (code ${code}) while starting`)),
    );
  });
}

// ── Driving the Playground ───────────────────────────────────────────────────────────────────

async function openChat(page: Page, name: "Personal Chat" | "General"): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
  await page.locator("[data-lexical-editor=true]").last().waitFor();
}

/** Types into the chat's compose box (the personal chat has exactly one) and sends. */
async function say(page: Page, text: string): Promise<void> {
  const box = page.locator("[data-lexical-editor=true]").last();
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** A new post in the open channel that @mentions the bot, the way channel commands are given. */
async function postMentioningBot(page: Page, command: string): Promise<void> {
  await page.locator("[data-lexical-editor=true]").first().click();
  await page.keyboard.type(`@${PLAYGROUND.bot.name.slice(0, 4)}`);
  await page.getByRole("menuitem", { name: PLAYGROUND.bot.name }).click();
  await page.keyboard.type(` ${command}`);
  await page.getByRole("button", { name: "Post", exact: true }).click();
}

/** The newest reply containing `text` in the open chat (not its preview in the chat list). */
function reply(page: Page, text: string | RegExp): Locator {
  return page.locator("p, .ac-adaptiveCard").filter({ hasText: text }).last();
}

/** The newest message bubble (avatar and card, not the Playground's notes under it) containing `text`. */
function bubble(page: Page, text: string | RegExp): Locator {
  return page.locator(".fai-OutputCard").filter({ hasText: text }).last();
}

/** Mock an Activity → Custom activity: replaces the editor's JSON with `activity` and sends it. */
async function sendCustomActivity(page: Page, activity: object): Promise<void> {
  await page.getByText("Mock an Activity").click();
  await page.getByRole("menuitem", { name: "Custom activity" }).click();
  const dialog = page.getByRole("dialog");
  const editor = dialog.locator(".monaco-editor");
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // One line: typed JSON with line breaks gets auto-indented and auto-closed by the editor.
  await page.keyboard.insertText(JSON.stringify(activity));
  await dialog.getByRole("button", { name: "Send activity" }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Closes the Playground's "Your response was sent to the app" note, which is not part of the card. */
async function dismissResponseNote(scope: Locator): Promise<void> {
  const close = scope
    .locator("xpath=.//*[text()='Your response was sent to the app']/ancestor::*[.//button][1]//button")
    .last();
  if (await close.count()) await close.click();
  await scope.getByText("Your response was sent to the app").waitFor({ state: "detached" });
}

/**
 * Saves the part of the page around `boxes`. `pad` is small for chat bubbles, so neither the
 * Playground's author line above nor its notes below are cut in half; `rightEdge` keeps a
 * full-width channel header from widening the picture beyond its card.
 */
async function capture(
  page: Page,
  file: string,
  boxes: Locator[],
  options: { pad?: number; rightEdge?: Locator } = {},
): Promise<void> {
  const rects = [];
  for (const box of boxes) {
    await box.scrollIntoViewIfNeeded();
    const rect = await box.boundingBox();
    if (!rect) fail(`${file}: the element to crop to is not visible`);
    rects.push(rect);
  }
  const edge = options.rightEdge ? await options.rightEdge.boundingBox() : null;
  const bounded = edge ? rects.map((r) => ({ ...r, width: Math.min(r.width, edge.x + edge.width - r.x) })) : rects;
  const viewport = page.viewportSize()!;
  const target = path.join(OUT, file);
  await page.mouse.move(0, viewport.height - 1); // no hover highlight on a button
  await page.screenshot({ path: target, clip: clipAround(bounded, options.pad ?? 4, viewport) });
  const size = fs.statSync(target).size;
  if (size > MAX_BYTES)
    fail(`${file} is ${Math.round(size / 1024)} KB, more than the ${MAX_BYTES / 1024} KB a README picture may take`);
  console.log(`  ${path.relative(ROOT, target)} (${Math.round(size / 1024)} KB)`);
}

async function checkIn(page: Page): Promise<void> {
  console.log("check-in card");
  await openChat(page, "Personal Chat");
  await say(page, "leaders add me");
  await reply(page, "Added as leaders").waitFor();
  await say(page, "nudge-now");
  const card = bubble(page, "Your customer-focus check-in");
  await card.getByRole("button", { name: "4 · Mostly" }).waitFor();
  await capture(page, "checkin-card.png", [card]);
  await card.getByRole("button", { name: "4 · Mostly" }).click();
  await card.getByText("Your answer:").waitFor();
  await dismissResponseNote(card);
  await capture(page, "checkin-answered.png", [card]);
}

async function suggestion(page: Page, playgroundPort: number): Promise<void> {
  console.log("suggestion post");
  await openChat(page, "General");
  await postMentioningBot(page, "suggestions-channel");
  await reply(page, "New suggestions will be posted in this channel").waitFor();

  await openChat(page, "Personal Chat");
  await say(page, "suggest Call two customers who cancelled each month and ask what would have kept them");
  const form = bubble(page, "Your suggestion");
  await form.getByRole("combobox").click();
  await page.getByRole("option", { name: /service/i }).click();
  await form.getByRole("button", { name: "Submit" }).click();
  await reply(page, /Suggestion #1 is shared/).waitFor();

  await openChat(page, "General");
  const post = page.locator(".ac-adaptiveCard").filter({ hasText: "Suggestion #1" }).last();
  // Alex votes in the UI; the click the page sends names the post, so two colleagues can click too.
  const invoke = page.waitForRequest(
    (request) => request.url().endsWith("/_conversation/v1/invoke") && request.method() === "POST",
  );
  await post.getByRole("button", { name: /Vote/ }).click();
  const click: CardClick | null = parseCardClick((await invoke).postData() ?? "");
  if (!click) fail("could not read the vote the Playground sent");
  await post.getByRole("button", { name: /1 vote/ }).waitFor();
  for (const colleague of PLAYGROUND.users.slice(1, 3)) {
    await sendCustomActivity(page, cardClickActivity(click, colleague, new Date(), playgroundPort));
  }
  await post.getByRole("button", { name: /3 votes/ }).waitFor();

  await post.getByRole("button", { name: "Respond" }).click();
  const form2 = page.locator(".ac-adaptiveCard").filter({ hasText: "Answer a suggestion" }).last();
  await form2.getByRole("combobox").click();
  await page.getByRole("option", { name: "Planned" }).click();
  await form2
    .locator("textarea")
    .fill("Good one. Support starts the calls in March; we share what we learn at the all-hands.");
  await form2.getByRole("button", { name: "Send answer" }).click();
  const answered = page.locator(".ac-adaptiveCard").filter({ hasText: "Status:" }).last();
  await answered.waitFor();
  // The channel post: its author line ("Test Bot", time) above the card, not the reply box below.
  const channelPost = page.locator(".fui-Card").filter({ has: answered }).last();
  await dismissResponseNote(channelPost);
  const author = channelPost.locator(".fui-CardHeader").first();
  await capture(page, "suggestion-post.png", [author, answered], { pad: 12, rightEdge: answered });
}

/** Signals per ISO week in the bot's database: read only, to see that every seeded message arrived. */
function signalsPerWeek(dbFile: string): Map<string, number> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT week, COUNT(*) AS n FROM "PresenceSignal" GROUP BY week').all() as {
      week: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.week, r.n]));
  } finally {
    db.close();
  }
}

/**
 * Sends the channel messages and checks that each week's signals are stored. The Playground
 * answers the page before it relays a custom activity and only logs a failed relay (a busy
 * machine can make the bot answer 500), so weeks that came up short are sent again; the bot
 * counts a message id once, so a message sent twice is not counted twice.
 */
async function seedChannel(page: Page, playgroundPort: number, dbFile: string): Promise<void> {
  const now = new Date();
  const seeded = seedMessages().map((message, index) => ({
    week: seedWeek(now, message.weeksAgo),
    activity: channelMessageActivity(message, index, now, playgroundPort),
  }));
  const expected = new Map<string, number>();
  for (const { week } of seeded) expected.set(week, (expected.get(week) ?? 0) + 1);
  let pending = seeded;
  for (let attempt = 1; pending.length > 0; attempt++) {
    for (const { activity } of pending) await sendCustomActivity(page, activity);
    const deadline = Date.now() + 30_000;
    let stored = signalsPerWeek(dbFile);
    const short = () => [...expected].filter(([week, n]) => (stored.get(week) ?? 0) < n).map(([week]) => week);
    while (short().length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      stored = signalsPerWeek(dbFile);
    }
    const missing = short();
    pending = seeded.filter(({ week }) => missing.includes(week));
    if (missing.length > 0 && attempt === 3)
      fail(`channel messages for ${missing.join(", ")} did not arrive at the bot after three tries`);
    if (missing.length > 0) console.log(`  ${missing.join(", ")} came up short; sending those weeks again`);
  }
}

async function digest(page: Page, playgroundPort: number, dbFile: string): Promise<void> {
  console.log("digest (8 weeks of channel messages first)");
  await openChat(page, "General");
  await seedChannel(page, playgroundPort, dbFile);
  await openChat(page, "Personal Chat");
  // Tall enough for the whole card, so it is cropped from one screen without scrolling.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await say(page, "digest-now");
  const card = bubble(page, "Customer presence");
  await card.getByText("Suggestions", { exact: true }).waitFor();
  await page.waitForTimeout(1_500); // the chart animates in
  await capture(page, "digest.png", [card]);
}

async function main(): Promise<void> {
  const browserPath = findChromium(process.env);
  if ("error" in browserPath) fail(browserPath.error);
  checkEmojiFont();

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kundennah-screenshots-"));
  let context: BrowserContext | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await context?.close().catch(() => undefined);
      await stopChildren();
      fs.rmSync(work, { recursive: true, force: true });
    })());
  const interrupted = () => void cleanUp().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    const [botPort, requestedPlaygroundPort] = [await freePort(), await freePort()];
    const dbFile = path.join(work, "screenshots.db");
    const bot = start("bot", [require.resolve("tsx/cli"), "src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(botPort),
        DATABASE_URL: `file:${dbFile}`,
        // Local mode with nothing from .env: no Slack, no Azure, no LLM; everyone is an admin.
        TEAMS_LOCAL_MODE: "true",
        MICROSOFT_APP_ID: "",
        MICROSOFT_APP_PASSWORD: "",
        MICROSOFT_APP_TENANT_ID: "",
        MICROSOFT_APP_TYPE: "",
        SLACK_BOT_TOKEN: "",
        SLACK_SIGNING_SECRET: "",
        SLACK_APP_TOKEN: "",
        OPENAI_API_KEY: "",
        KUNDENNAH_ADMINS: "",
        DEFAULT_LANGUAGE: "en",
        DEFAULT_TIMEZONE: "UTC",
        LOG_LEVEL: "warn",
      },
    });
    const playground = start(
      "playground",
      [
        "--require",
        path.join(ROOT, "scripts/playground-loopback.cjs"),
        require.resolve("@microsoft/m365agentsplayground/cli.js"),
        "start",
        "--app-endpoint",
        `http://localhost:${botPort}/api/messages`,
        "--channel-id",
        "msteams",
        "--port",
        String(requestedPlaygroundPort),
        "--disable-telemetry",
      ],
      // Its working directory gets its devTools/ logs: the temporary one, not the repository.
      { cwd: work, env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" } },
    );
    const playgroundPort = await waitForPlayground(playground);
    await waitForHealth(botPort, bot);
    console.log(`bot on ${botPort}, Playground on ${playgroundPort}, Chromium ${browserPath.path}`);

    context = await chromium.launchPersistentContext(path.join(work, "chromium-profile"), {
      executablePath: browserPath.path,
      headless: true,
      // Ctrl-C is handled above, so the bot and the Playground are stopped too, not only Chromium.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      viewport: { width: 1400, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    // The Playground fetches fonts and animations from Microsoft's CDN; leaving them out makes the
    // pictures the same on every machine, with or without internet access.
    await context.route("**/*", (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === "127.0.0.1" || hostname === "localhost" ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${playgroundPort}`, { waitUntil: "domcontentloaded" });
    // The log panel is the Playground's, not Kundennah's: close it so the chat is full width.
    await page.getByText("Log Panel").waitFor();
    await page.getByText("Log Panel", { exact: true }).locator("xpath=../..").getByRole("button").last().click();

    fs.mkdirSync(OUT, { recursive: true });
    await checkIn(page);
    await suggestion(page, playgroundPort);
    await digest(page, playgroundPort, dbFile);
    console.log("done");
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ScreenshotError) console.error(`npm run screenshots: ${error.message}`);
  else {
    console.error(`npm run screenshots failed: ${(error as Error).message}`);
    if (childOutput.length)
      console.error(`\nlast lines of the bot and the Playground:\n${childOutput.slice(-30).join("\n")}`);
  }
  process.exitCode = 1;
});
