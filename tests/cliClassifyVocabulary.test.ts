// `kundennah classify` with a workspace vocabulary (--terms, --industry) and --explain, through
// runClassify with streams, and once as a user runs it (a child process).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runClassify } from "../src/cliClassify.js";
import { tempDir } from "./helpers/harness.js";

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function run(argv: string[], input = "") {
  const out = sink();
  const err = sink();
  const code = await runClassify(argv, Readable.from([Buffer.from(input)]), out.stream, {}, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

const jsonl = (items: { id: string; text: string }[]): string =>
  `${items.map((item) => JSON.stringify(item)).join("\n")}\n`;
const verdicts = (stdout: string): Record<string, boolean> =>
  Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; customer: boolean })
      .map((v) => [v.id, v.customer]),
  );

function file(name: string, content: string): string {
  const p = path.join(tempDir(), name);
  fs.writeFileSync(p, content);
  return p;
}

const MESSAGES = [
  { id: "n", text: "Nordlicht Energie kommt morgen um zehn vorbei." },
  { id: "t", text: "Alle Teilnehmer bekommen den Link per Mail." },
];

describe("kundennah classify --terms / --industry", () => {
  it("counts the workspace's account names and reports what it read", async () => {
    const plain = await run([], jsonl(MESSAGES));
    expect(verdicts(plain.stdout)).toEqual({ n: false, t: false });

    const csv = file("accounts.csv", 'Account Name,Owner\n"Nordlicht Energie",Anna\n,Ben\nNordlicht Energie,Cem\n');
    const withTerms = await run(["--terms", csv], jsonl(MESSAGES));
    expect(withTerms.code).toBe(0);
    expect(verdicts(withTerms.stdout)).toEqual({ n: true, t: false });
    expect(withTerms.stderr).toContain(`terms file ${csv}, line 3: "account name" is empty — skipped`);
    expect(withTerms.stderr).toContain(`terms: 1 name from ${csv} (column "account name"); 1 duplicate, 1 row skipped`);
  });

  it("switches on an industry's words", async () => {
    const result = await run(["classify", "--industry=public"], jsonl(MESSAGES));
    expect(verdicts(result.stdout)).toEqual({ n: false, t: true });
  });

  it("takes a named CSV column", async () => {
    const csv = file("crm.csv", "Nr;Firma\n1;Nordlicht Energie\n");
    const result = await run(["--terms", csv, "--column", "Firma"], jsonl(MESSAGES));
    expect(verdicts(result.stdout)).toEqual({ n: true, t: false });
  });

  it("refuses bad options and unreadable terms files with exit code 2", async () => {
    const wrongIndustry = await run(["--industry", "aviation"]);
    expect(wrongIndustry.code).toBe(2);
    expect(wrongIndustry.stderr).toContain(
      '--industry must be one of healthcare, hospitality, transport, insurance, legal-tax, retail, b2b, public, software, got "aviation"',
    );
    expect((await run(["--column", "Name"])).stderr).toContain("--column needs --terms FILE");
    const missing = await run(["--terms", path.join(tempDir(), "nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read terms file .*nope\.csv: ENOENT/);
    const wrongColumn = await run(["--terms", file("c.csv", "Name,City\nAcme,Bonn\n"), "--column", "Company"]);
    expect(wrongColumn.code).toBe(2);
    expect(wrongColumn.stderr).toContain('no column "Company" in the first line; it has "name", "city"');
  });
});

describe("kundennah classify --explain", () => {
  it("prints the verdict, the cues by family and the strongest features", async () => {
    const result = await run([
      "--explain",
      "Typisch Fahrgast: steht in der Tür und wundert sich über die Verspätung 🙄",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^verdict: about customers, tone negative\n {2}p\(customer\) \d+ %; tone positive \d+ % · neutral \d+ % · negative \d+ %\n {2}vocabulary: no industry, 0 workspace terms\n/,
    );
    expect(result.stdout).toContain("customer cues:\n  c:word               Fahrgast (trade word)\n");
    expect(result.stdout).toMatch(/disparaging and problem cues:\n(?: {2}.*\n)* {2}t-:stereotype {8}typisch\n/);
    expect(result.stdout).toContain("model, about customers (logit share):\n");
    expect(result.stdout).toContain("model, negative over the next tone (score share):\n");
  });

  it("names false friends and negations, with a vocabulary", async () => {
    const csv = file("t.txt", "Kontor Nord\n");
    const result = await run([
      "--terms",
      csv,
      "--industry",
      "retail",
      "--explain",
      "Der HTTP client von Kontor Nord ist nicht zufrieden.",
    ]);
    expect(result.stdout).toContain("vocabulary: industry retail, 1 workspace term\n");
    expect(result.stdout).toContain("  c:word               Kontor Nord (workspace term)\n");
    expect(result.stdout).toContain(
      "false friends (look like customers, are not counted):\n  ff:word              client\n",
    );
    expect(result.stdout).toContain("negations and reported opinions:\n  n:negated_praise     nicht … zufrieden\n");
  });

  it("says 'not about customers' and shows no tone", async () => {
    const result = await run(["--explain", "Build is green again ✅"]);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "verdict: not about customers",
      `  p(customer) ${result.stdout.split("\n")[1]!.split("p(customer) ")[1]}`,
    ]);
    expect(result.stdout).not.toContain("tone");
  });

  it("runs as a user runs it, and --help exits 0 naming every option", async () => {
    const exec = promisify(execFile);
    const explained = await exec(process.execPath, [
      "bin/kundennah.mjs",
      "classify",
      "--explain",
      "Die Patientin hat sich herzlich bedankt.",
    ]);
    expect(explained.stdout).toMatch(/^verdict: about customers, tone positive\n/);
    const help = await exec(process.execPath, ["bin/kundennah.mjs", "classify", "--help"]);
    for (const option of ["--classifier", "--industry", "--terms", "--column", "--explain"])
      expect(help.stderr).toContain(option);
  }, 90_000); // two child processes that start tsx: slow on a busy machine
});
