// No import cycles under src/ (issue 10): a module that imports, through any chain, a module
// that imports it back makes both harder to read, test and move. Type-only imports count too: a
// cycle in the types is the same tangle in the design, even if the compiler erases it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("generated") ? [] : sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The src/ files a file imports: static imports and re-exports (type-only too) and import(). */
function importsOf(file: string, known: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) =>
      path
        .resolve(path.dirname(file), specifier)
        .replace(/\.js$/, ".ts")
        .replace(/\.mjs$/, ".mts"),
    )
    .filter((target) => known.has(target));
}

/** Every cycle a depth-first search meets, each as the chain of files that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const chain: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    chain.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      if (onPath.has(next)) found.push([...chain.slice(chain.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    chain.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return found;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

describe("imports under src/", () => {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

  it("are read from the source files", () => {
    // Guards the parsing: the door imports its route table, the table its actors.
    expect(graph.get(path.join(SRC, "bots/teams/door.ts"))?.map(rel)).toContain("bots/teams/routes.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it("form no cycle", () => {
    expect(cycles(graph).map((cycle) => cycle.map(rel).join(" → "))).toEqual([]);
  });

  it("are checked by a search that does find a cycle", () => {
    const a = "a.ts";
    const b = "b.ts";
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([[a, b, a]]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
  });
});
