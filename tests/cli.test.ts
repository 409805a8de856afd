// `kundennah …` as a user runs it: a child process reading DATABASE_URL.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { csvField } from "../src/cli.js";
import { openDatabase, sqliteFileOf } from "../src/storage/database.js";
import { PrismaStore } from "../src/storage/prismaStore.js";
import { PrismaSuggestionStore } from "../src/storage/suggestionStore.js";
import { tempDir } from "./helpers/harness.js";

const run = promisify(execFile);
const BIN = path.resolve("bin/kundennah.mjs");

/** Runs the CLI; resolves with the exit code instead of rejecting on a non-zero one. */
async function kundennah(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...options.env }, cwd: options.cwd ?? process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function seed(url: string) {
  const db = await openDatabase(url);
  const store = new PrismaStore(db.prisma);
  const ws = await store.ensureWorkspace("slack", "T0001", { cadence: "weekly", weekday: 1, nudgeMinute: 540, includeWeekends: false, language: "de", timezone: "Europe/Berlin" });
  const anna = await store.ensureMember(ws.id, "UANNA", { displayName: "Anna Schmidt" });
  await store.saveCheckIn({ memberId: anna.id, question: "care", week: "2026-W47", rating: 4, reflection: 'Called "Müller GmbH", then\nfixed it' });
  await store.saveCheckIn({ memberId: anna.id, question: "ask", week: "2026-W48", rating: 2 });
  const suggestions = new PrismaSuggestionStore(db.prisma);
  await suggestions.createSuggestion({ workspaceId: ws.id, text: "Call back within a day", touchpoint: "service", authorId: anna.id });
  await suggestions.createSuggestion({ workspaceId: ws.id, text: "Simpler invoices", touchpoint: "billing", authorId: null });
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
    expect(csv.stdout).toContain('slack,T0001,UANNA,Anna Schmidt,care,2026-W47,4,"Called ""Müller GmbH"", then\nfixed it",');
    expect(csv.stdout).toMatch(/slack,T0001,UANNA,Anna Schmidt,ask,2026-W48,2,,\d{4}-/);

    const json = await kundennah(["export", "checkins", "--format", "json"], { env });
    const rows = JSON.parse(json.stdout) as { leader: string; leaderName: string; question: string; rating: number; reflection: string | null }[];
    expect(rows.map((r) => [r.leader, r.leaderName, r.question, r.rating, r.reflection])).toEqual(
      expect.arrayContaining([
        ["UANNA", "Anna Schmidt", "care", 4, 'Called "Müller GmbH", then\nfixed it'],
        ["UANNA", "Anna Schmidt", "ask", 2, null],
      ]),
    );
  }, 60_000);

  it("names the author of a suggestion next to the id, and nobody for an anonymous one", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    await seed(url);
    const csv = await kundennah(["export", "suggestions"], { env: { DATABASE_URL: url } });
    expect(csv.stdout.split("\n")[0]).toBe("platform,workspace,number,touchpoint,author,authorName,text,status,votes,responseNote,createdAt,respondedAt");
    expect(csv.stdout).toContain("slack,T0001,1,service,UANNA,Anna Schmidt,Call back within a day,new,0,,");
    expect(csv.stdout).toContain("slack,T0001,2,billing,,,Simpler invoices,new,0,,");

    const json = JSON.parse((await kundennah(["export", "suggestions", "--format", "json"], { env: { DATABASE_URL: url } })).stdout) as Record<string, unknown>[];
    expect(json.map((s) => [s.number, s.author, s.authorName])).toEqual([
      [1, "UANNA", "Anna Schmidt"],
      [2, null, null],
    ]);
  }, 60_000);

  it("refuses a database that is not there, and creates nothing", async () => {
    const dir = tempDir();
    const missing = await kundennah(["export", "checkins"], { env: { DATABASE_URL: `file:${path.join(dir, "nope.db")}` } });
    expect(missing.code).toBe(78);
    expect(missing.stderr).toContain(`configuration problem: DATABASE_URL: there is no database at ${path.join(dir, "nope.db")}`);
    expect(missing.stderr).toContain("Nothing was created");
    expect(missing.stdout).toBe("");

    // The default DATABASE_URL is relative: it counts from the current directory, and says so.
    const relative = await kundennah(["export", "suggestions"], { cwd: dir, env: { DATABASE_URL: "" } });
    expect(relative.code).toBe(78);
    expect(relative.stderr).toContain(`there is no database at ${path.join(dir, "data/kundennah.db")} (a relative path counts from the current directory, ${dir})`);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("resolves a relative file: path from the current directory, as the server does", async () => {
    const dir = tempDir();
    await seed(`file:${path.join(dir, "data/kundennah.db")}`);
    const exported = await kundennah(["export", "checkins"], { cwd: dir, env: { DATABASE_URL: "file:./data/kundennah.db" } });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("UANNA,Anna Schmidt,care");
    // The one function both use: relative to the process's directory.
    expect(sqliteFileOf("file:./data/kundennah.db")).toBe(path.join(process.cwd(), "data/kundennah.db"));
    expect(sqliteFileOf("file:/srv/k.db")).toBe("/srv/k.db");
  }, 60_000);

  it("keeps spreadsheet formulas inert", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField(null)).toBe("");
  });
});

describe("kundennah help and usage", () => {
  it("prints help and exits 0 for --help, -h and help", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const help = await kundennah([flag]);
      expect(help.code, flag).toBe(0);
      expect(help.stdout).toContain("usage: kundennah export checkins|suggestions");
      expect(help.stdout).toContain("kundennah classify");
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
