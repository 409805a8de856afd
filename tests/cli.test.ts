// `kundennah export checkins` as a user runs it: a child process reading DATABASE_URL.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { csvField } from "../src/cli.js";
import { openDatabase } from "../src/storage/database.js";
import { PrismaStore } from "../src/storage/prismaStore.js";
import { PAGE_SIZE } from "../src/storage/paging.js";
import { tempDir } from "./helpers/harness.js";

const run = promisify(execFile);

async function seed(url: string) {
  const db = await openDatabase(url);
  const store = new PrismaStore(db.prisma);
  const ws = await store.ensureWorkspace("slack", "T0001", { cadence: "weekly", weekday: 1, nudgeMinute: 540, includeWeekends: false, language: "de", timezone: "Europe/Berlin" });
  const anna = await store.ensureMember(ws.id, "UANNA");
  await store.saveCheckIn({ memberId: anna.id, question: "care", week: "2026-W47", rating: 4, reflection: 'Called "Müller GmbH", then\nfixed it' });
  await store.saveCheckIn({ memberId: anna.id, question: "ask", week: "2026-W48", rating: 2 });
  await db.close();
}

describe("kundennah export checkins", () => {
  it("prints every check-in as CSV and as JSON", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    await seed(url);
    const env = { ...process.env, DATABASE_URL: url };
    const csv = await run(process.execPath, ["bin/kundennah.mjs", "export", "checkins", "--format", "csv"], { env });
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("platform,workspace,leader,question,week,rating,reflection,createdAt,updatedAt");
    expect(csv.stdout).toContain('slack,T0001,UANNA,care,2026-W47,4,"Called ""Müller GmbH"", then\nfixed it",');
    expect(csv.stdout).toMatch(/slack,T0001,UANNA,ask,2026-W48,2,,\d{4}-/);

    const json = await run(process.execPath, ["bin/kundennah.mjs", "export", "checkins", "--format", "json"], { env });
    const rows = JSON.parse(json.stdout) as { question: string; rating: number; reflection: string | null }[];
    expect(rows.map((r) => [r.question, r.rating, r.reflection])).toEqual(
      expect.arrayContaining([
        ["care", 4, 'Called "Müller GmbH", then\nfixed it'],
        ["ask", 2, null],
      ]),
    );
  });

  it("exports suggestions in their running-number order, across pages, although their ids are random", async () => {
    const url = `file:${path.join(tempDir(), "export.db")}`;
    const db = await openDatabase(url);
    const defaults = { cadence: "weekly", weekday: 1, nudgeMinute: 540, includeWeekends: false, language: "de", timezone: "Europe/Berlin" } as const;
    const ws = await new PrismaStore(db.prisma).ensureWorkspace("slack", "T0001", defaults);
    const count = PAGE_SIZE + 20;
    await db.prisma.suggestion.createMany({ data: Array.from({ length: count }, (_, i) => ({ workspaceId: ws.id, number: i + 1, text: `Idea ${i + 1}`, touchpoint: "other" })) });
    await db.close();
    const json = await run(process.execPath, ["bin/kundennah.mjs", "export", "suggestions", "--format", "json"], { env: { ...process.env, DATABASE_URL: url }, maxBuffer: 64 * 1024 * 1024 });
    const rows = JSON.parse(json.stdout) as { number: number }[];
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it("explains its usage on a wrong call", async () => {
    await expect(run(process.execPath, ["bin/kundennah.mjs", "export", "everything"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("usage: kundennah export checkins"),
    });
  });

  it("keeps spreadsheet formulas inert", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField(null)).toBe("");
  });
});
