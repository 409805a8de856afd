// `kundennah …` as a user runs it: a child process reading DATABASE_URL.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { csvField } from "../src/cli.js";
import { runSlackManifest } from "../src/cliSlackManifest.js";
import { PrismaCheckInStore } from "../src/storage/checkinStore.js";
import { openDatabase, sqliteFileOf } from "../src/storage/database.js";
import { PAGE_SIZE } from "../src/storage/paging.js";
import { PrismaSuggestionStore } from "../src/storage/suggestionStore.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import { tempDir } from "./helpers/harness.js";

const run = promisify(execFile);
const BIN = path.resolve("bin/kundennah.mjs");

/** Runs the CLI; resolves with the exit code instead of rejecting on a non-zero one. */
async function kundennah(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...options.env },
      cwd: options.cwd ?? process.cwd(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function seed(url: string) {
  const db = await openDatabase(url);
  const store = new PrismaWorkspaceStore(db.prisma);
  const checkins = new PrismaCheckInStore(db.prisma);
  const ws = await store.ensureWorkspace("slack", "T0001", {
    cadence: "weekly",
    weekday: 1,
    nudgeMinute: 540,
    includeWeekends: false,
    language: "de",
    timezone: "Europe/Berlin",
  });
  const anna = await store.ensureMember(ws.id, "UANNA", { displayName: "Anna Schmidt" });
  await checkins.saveCheckIn({
    memberId: anna.id,
    question: "care",
    week: "2026-W47",
    rating: 4,
    reflection: 'Called "Müller GmbH", then\nfixed it',
  });
  await checkins.saveCheckIn({ memberId: anna.id, question: "ask", week: "2026-W48", rating: 2 });
  const suggestions = new PrismaSuggestionStore(db.prisma);
  await suggestions.createSuggestion({
    workspaceId: ws.id,
    text: "Call back within a day",
    touchpoint: "service",
    authorId: anna.id,
  });
  await suggestions.createSuggestion({
    workspaceId: ws.id,
    text: "Simpler invoices",
    touchpoint: "billing",
    authorId: null,
  });
  await db.close();
}

describe("kundennah export", () => {
  it("prints every check-in as CSV and as JSON, with the leader's name next to the id", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    await seed(url);
    const env = { DATABASE_URL: url };
    const csv = await kundennah(["export", "checkins", "--format", "csv"], { env });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("platform,workspace,leader,leaderName,question,week,rating,reflection,createdAt,updatedAt");
    expect(csv.stdout).toContain(
      'slack,T0001,UANNA,Anna Schmidt,care,2026-W47,4,"Called ""Müller GmbH"", then\nfixed it",',
    );
    expect(csv.stdout).toMatch(/slack,T0001,UANNA,Anna Schmidt,ask,2026-W48,2,,\d{4}-/);

    const json = await kundennah(["export", "checkins", "--format", "json"], { env });
    const rows = JSON.parse(json.stdout) as {
      leader: string;
      leaderName: string;
      question: string;
      rating: number;
      reflection: string | null;
    }[];
    expect(rows.map((r) => [r.leader, r.leaderName, r.question, r.rating, r.reflection])).toEqual(
      expect.arrayContaining([
        ["UANNA", "Anna Schmidt", "care", 4, 'Called "Müller GmbH", then\nfixed it'],
        ["UANNA", "Anna Schmidt", "ask", 2, null],
      ]),
    );
  }, 60_000);

  it("exports suggestions in their running-number order, across pages, although their ids are random", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    const db = await openDatabase(url);
    const defaults = {
      cadence: "weekly",
      weekday: 1,
      nudgeMinute: 540,
      includeWeekends: false,
      language: "de",
      timezone: "Europe/Berlin",
    } as const;
    const ws = await new PrismaWorkspaceStore(db.prisma).ensureWorkspace("slack", "T0001", defaults);
    const count = PAGE_SIZE + 20;
    await db.prisma.suggestion.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        workspaceId: ws.id,
        number: i + 1,
        text: `Idea ${i + 1}`,
        touchpoint: "other",
      })),
    });
    await db.close();
    const json = await run(process.execPath, ["bin/kundennah.mjs", "export", "suggestions", "--format", "json"], {
      env: { ...process.env, DATABASE_URL: url },
      maxBuffer: 64 * 1024 * 1024,
    });
    const rows = JSON.parse(json.stdout) as { number: number }[];
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  }, 60_000);

  it("names the author of a suggestion next to the id, and nobody for an anonymous one", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    await seed(url);
    const csv = await kundennah(["export", "suggestions"], { env: { DATABASE_URL: url } });
    expect(csv.stdout.split("\n")[0]).toBe(
      "platform,workspace,number,touchpoint,author,authorName,text,status,votes,responseNote,createdAt,respondedAt",
    );
    expect(csv.stdout).toContain("slack,T0001,1,service,UANNA,Anna Schmidt,Call back within a day,new,0,,");
    expect(csv.stdout).toContain("slack,T0001,2,billing,,,Simpler invoices,new,0,,");

    const json = JSON.parse(
      (await kundennah(["export", "suggestions", "--format", "json"], { env: { DATABASE_URL: url } })).stdout,
    ) as Record<string, unknown>[];
    expect(json.map((s) => [s.number, s.author, s.authorName])).toEqual([
      [1, "UANNA", "Anna Schmidt"],
      [2, null, null],
    ]);
  }, 60_000);

  it("refuses a database that is not there, and creates nothing", async () => {
    const dir = tempDir();
    const missing = await kundennah(["export", "checkins"], {
      env: { DATABASE_URL: `file:${path.join(dir, "nope.db")}` },
    });
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain(
      `configuration problem: DATABASE_URL: there is no database at ${path.join(dir, "nope.db")}`,
    );
    expect(missing.stderr).toContain("Nothing was created");
    expect(missing.stdout).toBe("");

    // The default DATABASE_URL is relative: it counts from the current directory, and says so.
    const relative = await kundennah(["export", "suggestions"], { cwd: dir, env: { DATABASE_URL: "" } });
    expect(relative.code).toBe(78);
    expect(relative.stderr).toContain(
      `there is no database at ${path.join(dir, "data/kundennah.db")} (a relative path counts from the current directory, ${dir})`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("resolves a relative file: path from the current directory, as the server does", async () => {
    const dir = tempDir();
    await seed(`file:${path.join(dir, "data/kundennah.db")}`);
    const exported = await kundennah(["export", "checkins"], {
      cwd: dir,
      env: { DATABASE_URL: "file:./data/kundennah.db" },
    });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("UANNA,Anna Schmidt,care");
    // The one function both use: relative to the process's directory.
    expect(sqliteFileOf("file:./data/kundennah.db")).toBe(path.join(process.cwd(), "data/kundennah.db"));
    expect(sqliteFileOf("file:/srv/k.db")).toBe("/srv/k.db");
  }, 60_000);

  it("keeps spreadsheet formulas inert", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(null)).toBe("");
  });
});

describe("kundennah help and usage", () => {
  it("prints help and exits 0 for --help, -h and help", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const help = await kundennah([flag]);
      expect(help.code, flag).toBe(0);
      expect(help.stdout).toContain("usage: kundennah export checkins|suggestions");
      expect(help.stdout).toContain("kundennah slack-manifest --host bot.example.com | --socket-mode");
      expect(help.stdout).toContain("kundennah backup FILE");
    }
  }, 60_000);

  it("explains its usage on a wrong call and exits 2", async () => {
    const unknown = await kundennah(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command: frobnicate");
    expect(unknown.stderr).toContain("usage: kundennah export checkins");
    const nothing = await kundennah([]);
    expect(nothing.code).toBe(2);
    const wrongExport = await kundennah(["export", "everything"]);
    expect(wrongExport).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: kundennah export checkins") });
  }, 60_000);
});

/** Every string in the manifest that is a URL. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [value] : [];
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

describe("kundennah slack-manifest", () => {
  const shipped = JSON.parse(fs.readFileSync("manifests/slack/manifest.json", "utf8"));

  it("fills in every request URL for the host", async () => {
    const printed = await kundennah(["slack-manifest", "--host", "bot.example.com"]);
    expect(printed.code).toBe(0);
    const manifest = JSON.parse(printed.stdout);
    expect(printed.stdout).not.toContain("YOUR-HOST");
    expect(urlsIn(manifest)).toEqual(Array(8).fill("https://bot.example.com/slack/events"));
    expect(manifest.features.slash_commands.map((c: { url: string }) => c.url)).toEqual(
      Array(6).fill("https://bot.example.com/slack/events"),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    // Everything else is the shipped manifest.
    expect(manifest.oauth_config).toEqual(shipped.oauth_config);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(shipped.settings.event_subscriptions.bot_events);

    const withPort = JSON.parse((await kundennah(["slack-manifest", "--host=https://Bot.Example.com:8443/"])).stdout);
    expect(new Set(urlsIn(withPort))).toEqual(new Set(["https://bot.example.com:8443/slack/events"]));
  }, 60_000);

  it("switches Socket Mode on and leaves out the request URLs for local development", async () => {
    const printed = await kundennah(["slack-manifest", "--socket-mode"]);
    expect(printed.code).toBe(0);
    const manifest = JSON.parse(printed.stdout);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(urlsIn(manifest)).toEqual([]);
    expect(printed.stdout).not.toContain("YOUR-HOST");
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(
      shipped.features.slash_commands.map((c: { command: string }) => c.command),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  }, 60_000);

  it("refuses hosts Slack cannot call, with the reason", async () => {
    const refused = await kundennah(["slack-manifest", "--host", "http://bot.example.com"]);
    expect(refused).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("over HTTPS only") });

    const cases: [string[], string][] = [
      [["--host", "bot.example.com/slack/events"], "without a path"],
      [["--host", "YOUR-HOST"], "replace YOUR-HOST"],
      [["--host", "localhost"], "expected a public host name"],
      [["--host", "bot example.com"], "expected a public host name"],
      [["--host", "bot.example.com:99999"], "from 1 to 65535"],
      [["--host"], "--host is required"],
      [[], "--host is required"],
      [["--socket-mode", "--host", "bot.example.com"], "--socket-mode needs no --host"],
      [["--hots", "bot.example.com"], "unknown argument: --hots"],
    ];
    for (const [args, reason] of cases) {
      const out = new PassThrough();
      const errors = new PassThrough();
      expect(runSlackManifest(args, out, errors), args.join(" ")).toBe(2);
      expect(String(errors.read()), args.join(" ")).toContain(reason);
      expect(out.read()).toBeNull();
    }
  }, 60_000);
});
