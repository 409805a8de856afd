// `npm run bench -- --help` used to start all six benchmarks (about ten minutes); it must
// print what there is instead, and a mistyped flag must stop before anything runs.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * Runs `npm run bench -- …` in its own process group, which is removed afterwards: if a
 * regression made it start benchmarks again, they must not outlive the test.
 */
function bench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["run", "--silent", "bench", "--", ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // the group is gone already, as it should be
    }
  };
  const limit = setTimeout(killGroup, 45_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(limit);
      killGroup();
      resolve({ code, stdout, stderr });
    }),
  );
}

describe("npm run bench", () => {
  it("prints the benchmarks and their flags for --help and -h, and runs none", async () => {
    for (const flag of ["--help", "-h"]) {
      const help = await bench([flag]);
      expect(help.code, flag).toBe(0);
      for (const name of ["classifier", "ack", "ingest", "digest", "nudges", "memory"])
        expect(help.stdout).toMatch(new RegExp(`^${name} +\\d\\. `, "m"));
      expect(help.stdout).toMatch(/--sizes +SQLite sizes \(1M,2M,5M\)/);
      expect(help.stdout).toContain("--paced-seconds");
      expect(help.stdout).not.toContain("==="); // no benchmark printed its heading
      expect(help.stdout).not.toContain("benchmarks finished");
    }
  }, 60_000);

  it("refuses an unknown flag or benchmark before starting anything", async () => {
    const typo = await bench(["ack", "--requets", "100"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown flag(s) for ack: --requets");
    expect(typo.stdout).not.toContain("===");
    // A flag of another benchmark is not one of ack's.
    expect((await bench(["ack", "--sizes", "1M"])).stderr).toContain("unknown flag(s) for ack: --sizes");
    const name = await bench(["ackk"]);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain("unknown benchmark(s): ackk");
  }, 60_000);
});
