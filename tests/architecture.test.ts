// The shape the code keeps (issue 10): the doors (src/bots) talk only to core services, never to
// storage; the core (src/core) imports no platform, database or LLM package. Read from the
// source files themselves, so a new import that breaks the rule fails here, not in review.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Core } from "../src/core/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, side-effect imports, import(). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+[\w*\s{},]+?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** Where a relative specifier points, as a path under src/ ("storage/database.ts"); null for packages. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  return path
    .relative(SRC, path.resolve(path.dirname(file), specifier))
    .replace(/\.js$/, ".ts")
    .split(path.sep)
    .join("/");
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

describe("the doors (src/bots) talk only to core services", () => {
  const doors = sourceFiles(path.join(SRC, "bots"));

  it("finds the door files it checks", () => {
    expect(doors.map(rel)).toEqual(expect.arrayContaining(["src/bots/slack/app.ts", "src/bots/teams/door.ts"]));
  });

  it("import nothing from src/storage and no database package", () => {
    const offending = doors.flatMap((file) =>
      specifiers(file)
        .filter((s) => target(file, s)?.startsWith("storage/") || /^(@prisma\/|prisma$|pg$|better-sqlite3$)/.test(s))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("touch no store: no core.store, no *Store type from the core's ports", () => {
    const offending = doors.flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      const hits: string[] = [];
      if (/\.store\b/.test(text)) hits.push(`${rel(file)} reaches for .store`);
      for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
        const stores = match[1]!
          .split(",")
          .map(
            (n) =>
              n
                .replace(/\btype\b/, "")
                .trim()
                .split(/\s+as\s+/)[0]!,
          )
          .filter((n) => /Store$/.test(n));
        if (stores.length && target(file, match[2]!)?.startsWith("core/"))
          hits.push(`${rel(file)} imports ${stores.join(", ")} from ${match[2]}`);
      }
      return hits;
    });
    expect(offending).toEqual([]);
  });

  it("get a Core without storage (checked by the compiler as well)", () => {
    // Fails to compile if Core ever gains a `store` again.
    const noStore: "store" extends keyof Core ? false : true = true;
    expect(noStore).toBe(true);
  });
});

describe("the core (src/core) has no platform, database or LLM imports", () => {
  const core = sourceFiles(path.join(SRC, "core"));

  it("imports only node built-ins, the core itself and the copy in src/prompts", () => {
    const offending = core.flatMap((file) =>
      specifiers(file)
        .filter((s) => {
          const to = target(file, s);
          if (to === null) return !s.startsWith("node:");
          return !to.startsWith("core/") && !to.startsWith("prompts/");
        })
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("keeps each job's ports next to it", () => {
    for (const job of ["identity", "checkins", "suggestions", "presence"]) {
      expect(fs.existsSync(path.join(SRC, "core", job, "ports.ts")), `src/core/${job}/ports.ts`).toBe(true);
    }
  });
});
