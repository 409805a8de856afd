// `kundennah terms import` as an admin runs it: a child process reading DATABASE_URL (SQLite, or
// PostgreSQL with TEST_DATABASE=postgresql), on lists and CRM exports with blank lines,
// duplicates, quotes and malformed rows, 10,000 names — and a running bot that uses the
// imported terms for new messages once its cache's TTL has passed, as another replica would.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { runTerms } from "../src/cliTerms.js";
import { VOCABULARY_TTL_MS } from "../src/core/presence/workspaceClassifiers.js";
import { openDatabase } from "../src/storage/database.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import { databaseUrlFor, queryRows } from "./helpers/database.js";
import { type Harness, startHarness, tempDir } from "./helpers/harness.js";
import { eventCallback, JSON_TYPE, post, sign, TEAM_ID } from "./helpers/slackRequests.js";

/** Delivers an event as Slack does: a 503 (not stored in time) is delivered again, up to three times. */
async function deliver(url: string, body: string) {
  let res = await post(url, sign(body, JSON_TYPE));
  for (let retry = 0; retry < 3 && res.status === 503; retry++) res = await post(url, sign(body, JSON_TYPE));
  return res;
}

const run = promisify(execFile);
const BIN = path.resolve("bin/kundennah.mjs");
const DEFAULTS = {
  cadence: "weekly",
  weekday: 1,
  nudgeMinute: 540,
  includeWeekends: false,
  language: "de",
  timezone: "Europe/Berlin",
} as const;

async function kundennah(args: string[], env: Record<string, string>, cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A database with one Slack and one Teams workspace. */
async function seeded(): Promise<{ dir: string; url: string; terms: () => string[] }> {
  const dir = tempDir();
  const url = databaseUrlFor(dir);
  const db = await openDatabase(url);
  const store = new PrismaWorkspaceStore(db.prisma);
  await store.ensureWorkspace("slack", "T0001", DEFAULTS);
  await store.ensureWorkspace("teams", "tenant-1", DEFAULTS);
  await db.close();
  const terms = () => {
    const row = queryRows(url, `SELECT terms FROM PresenceVocabulary`)[0];
    return row ? (JSON.parse(String(row.terms)) as string[]) : [];
  };
  return { dir, url, terms };
}

describe("kundennah terms import", () => {
  it("imports a list with blank lines, comments, duplicates and quotes, and says how many", async () => {
    const { dir, url, terms } = await seeded();
    fs.writeFileSync(
      path.join(dir, "accounts.txt"),
      [
        "# accounts from the CRM",
        "Fahrgast",
        "",
        "  Stadtwerke   Nord  ",
        '"Müller, Schmidt & Partner"',
        "fahrgast",
        "STADTWERKE NORD",
        '"Say ""Hi"" GmbH"',
        "",
        "",
      ].join("\n"),
    );
    const result = await kundennah(
      ["terms", "import", "accounts.txt", "--workspace", "T0001"],
      { DATABASE_URL: url },
      dir,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "imported 4 new terms into slack:T0001 (2 duplicates in the file, 2 blank lines); it now has 4 own terms.",
    );
    expect(terms()).toEqual(["Fahrgast", "Stadtwerke Nord", "Müller, Schmidt & Partner", 'Say "Hi" GmbH']);

    // Again: nothing new, and the version does not move for nothing.
    const version = queryRows(url, `SELECT version FROM PresenceVocabulary`)[0]!.version;
    const again = await kundennah(
      ["terms", "import", "accounts.txt", "--workspace", "slack:T0001"],
      { DATABASE_URL: url },
      dir,
    );
    expect(again.stdout).toContain("imported 0 new terms into slack:T0001 (4 names already there");
    expect(queryRows(url, `SELECT version FROM PresenceVocabulary`)[0]!.version).toBe(version);

    const list = await kundennah(["terms", "list", "--workspace", "T0001"], { DATABASE_URL: url }, dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      '# slack:T0001: industry preset none, 4 own terms\nFahrgast\nStadtwerke Nord\nMüller, Schmidt & Partner\nSay "Hi" GmbH\n',
    );
  }, 120_000);

  it("imports a column of a CRM export and reports malformed rows by line number, importing the rest", async () => {
    const { dir, url, terms } = await seeded();
    const csv = [
      "Id;Account Name;Owner",
      "1;Stadtwerke Nord;anna",
      '2;"Müller; Schmidt & Partner";ben',
      "3", // too few fields
      `4;${"x".repeat(201)};carla`, // too long
      "5;;dora", // empty name
      "6;X;emil", // a one-letter name would match the word "x"
      ";;", // blank row
      '7;"Spedition\nHartmann";fritz', // a quoted line break is part of the name
      "8;stadtwerke nord;gus", // duplicate
      '9;"Unclosed;hans',
    ].join("\n");
    fs.writeFileSync(path.join(dir, "export.csv"), csv);
    const result = await kundennah(
      ["terms", "import", "export.csv", "--workspace", "tenant-1", "--column", "account name"],
      { DATABASE_URL: url },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      'export.csv:4: only 1 field; "account name" is field 2 — skipped',
      'export.csv:5: "account name" is longer than 200 characters — skipped',
      'export.csv:6: "account name" is empty — skipped',
      "export.csv:12: a quote opened here is never closed; the rest of the file was not read — skipped",
      'export.csv: "X" is shorter than 2 characters — skipped',
    ]);
    expect(result.stdout).toContain(
      "imported 3 new terms into teams:tenant-1 (1 duplicate in the file, 1 blank line, 5 malformed rows skipped)",
    );
    expect(terms()).toEqual(["Stadtwerke Nord", "Müller; Schmidt & Partner", "Spedition Hartmann"]);
  }, 120_000);

  it("imports 10,000 names, and --replace makes a file the whole list", async () => {
    const { dir, url, terms } = await seeded();
    const names = Array.from({ length: 10_000 }, (_, k) => `Kontor ${k + 1} Handel GmbH`);
    fs.writeFileSync(path.join(dir, "big.txt"), `${names.join("\r\n")}\r\n`);
    const result = await kundennah(["terms", "import", "big.txt", "--workspace", "T0001"], { DATABASE_URL: url }, dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("imported 10,000 new terms into slack:T0001; it now has 10,000 own terms.");
    expect(terms()).toEqual(names);
    expect(queryRows(url, `SELECT termCount FROM PresenceVocabulary`)).toEqual([{ termCount: 10_000 }]);

    fs.writeFileSync(path.join(dir, "fresh.txt"), "Kontor 1 Handel GmbH\nNeukunde AG\n");
    const replaced = await kundennah(
      ["terms", "import", "fresh.txt", "--workspace", "T0001", "--replace"],
      { DATABASE_URL: url },
      dir,
    );
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(
      "imported 1 new term into slack:T0001 (1 name already there, 9,999 terms removed (not in the file)); it now has 2 own terms.",
    );
    expect(terms()).toEqual(["Kontor 1 Handel GmbH", "Neukunde AG"]);
  }, 120_000);

  it("refuses wrong usage with 2, and a file, column or workspace that is not there with 1", async () => {
    const { dir, url, terms } = await seeded();
    fs.writeFileSync(path.join(dir, "a.csv"), "Name,Owner\nAcme,anna\n");
    fs.writeFileSync(path.join(dir, "binary.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const env = { DATABASE_URL: url };
    const usage = [
      ["terms"],
      ["terms", "import", "a.csv"],
      ["terms", "import", "--workspace", "T0001"],
      ["terms", "import", "a.csv", "--workspace"],
      ["terms", "import", "a.csv", "--workspace", "T0001", "--colum", "Name"],
      ["terms", "export", "--workspace", "T0001"],
    ];
    // Usage is checked before anything is read: in-process, except one run for the exit code.
    for (const args of usage) {
      const err = new PassThrough();
      const code = await runTerms(args.slice(1), new PassThrough(), err);
      expect(code, args.join(" ")).toBe(2);
      expect(String(err.read())).toContain("usage: kundennah terms import FILE --workspace ID");
    }
    const spawned = await kundennah(usage[1]!, env, dir);
    expect([spawned.code, spawned.stderr]).toEqual([2, expect.stringContaining("--workspace is required")]);
    const err = new PassThrough();
    expect(await runTerms(["import", path.join(dir, "nope.csv"), "--workspace", "T0001"], new PassThrough(), err)).toBe(
      1,
    );
    expect(String(err.read())).toBe(`cannot read ${path.join(dir, "nope.csv")}: no such file\n`);
    const column = await kundennah(
      ["terms", "import", "a.csv", "--workspace", "T0001", "--column", "Account"],
      env,
      dir,
    );
    expect([column.code, column.stderr]).toEqual([
      1,
      'a.csv: no column "Account" in the first line; it has "name", "owner"; nothing was imported\n',
    ]);
    const binary = await kundennah(["terms", "import", "binary.bin", "--workspace", "T0001"], env, dir);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain("binary file");
    const unknown = await kundennah(["terms", "import", "a.csv", "--workspace", "T9999"], env, dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'no workspace "T9999" in the database; known workspaces: slack:T0001, teams:tenant-1\n',
    );
    expect(terms()).toEqual([]);
    const help = new PassThrough();
    await runCli(["terms", "--help"], help);
    expect(String(help.read())).toMatch(/^usage: kundennah terms import/);
  }, 120_000);
});

describe("terms imported while the bot runs", () => {
  let h: Harness;
  const ts = (iso: string) => `${Math.floor(new Date(iso).getTime() / 1000)}.000000`;
  const send = (user: string, at: string, id: string) =>
    deliver(
      h.eventsUrl,
      eventCallback(
        {
          type: "message",
          channel: "CSALES",
          user,
          text: "Zorblax meldet sich morgen wegen der Umstellung.",
          ts: ts(at),
          channel_type: "channel",
          event_ts: ts(at),
        },
        id,
      ),
    );
  const customerByDay = () => h.rows(`SELECT day, customer FROM PresenceSignal ORDER BY day`);

  beforeAll(async () => {
    h = await startHarness({ now: "2026-11-23T10:00:00Z" });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  it("are used for new messages once the bot's vocabulary TTL has passed, as on another replica", async () => {
    expect((await send("UA", "2026-11-23T09:00:00Z", "EvA")).status).toBe(200);
    await h.slack.waitFor(() => customerByDay().length === 1);
    fs.writeFileSync(path.join(h.dir, "accounts.txt"), "Zorblax\n");
    const result = await kundennah(
      ["terms", "import", "accounts.txt", "--workspace", TEAM_ID],
      { DATABASE_URL: h.databaseUrl },
      h.dir,
    );
    expect(result.code).toBe(0);
    // Within the TTL the bot still uses the vocabulary it has; after it, the imported one.
    expect((await send("UB", "2026-11-24T09:00:00Z", "EvB")).status).toBe(200);
    await h.slack.waitFor(() => customerByDay().length === 2);
    h.clock.advance(VOCABULARY_TTL_MS + 1000);
    expect((await send("UC", "2026-11-25T09:00:00Z", "EvC")).status).toBe(200);
    await h.slack.waitFor(() => customerByDay().length === 3);
    expect(customerByDay()).toEqual([
      { day: "2026-11-23", customer: 0 },
      { day: "2026-11-24", customer: 0 },
      { day: "2026-11-25", customer: 1 },
    ]);
  }, 120_000);
});
