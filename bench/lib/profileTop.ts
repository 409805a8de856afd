// Summarises a V8 .cpuprofile (written with --profile): self time by package/area and the
// hottest functions. Usage: tsx bench/lib/profileTop.ts <file.cpuprofile> [top=25]
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topRaw] = process.argv.slice(2);
if (!file) throw new Error("usage: profileTop.ts <file.cpuprofile> [top]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native/builtin)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url;
  const s = /\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return s ? s[1]! : url.replace(/^file:\/\//, "");
}
const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const a = area(n.callFrame.url, n.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + t);
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${a}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}
const top = Number(topRaw ?? 25);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
};
print("self time by area", areas);
print("self time by function", fns);
