// The dashboard's scripts and stylesheet, served by the bot itself (no CDN): vega, vega-lite and
// vega-embed as their packages build them, vega-interpreter (so vega never compiles expressions
// with `new Function`, and the CSP needs no 'unsafe-eval'), and the page script and styles from
// public/dashboard.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The directory of an installed package (their exports do not include package.json). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (path.basename(dir) !== name || !fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${name} package directory`);
    dir = parent;
  }
  return dir;
}

/**
 * vega-interpreter ships only as an ES module importing three helpers from vega-util. The page
 * loads vega as a classic script, which exposes the same helpers on the `vega` global, so the
 * module is served as a classic script that takes them from there.
 */
export function interpreterScript(source: string): string {
  const importLine = /^import \{ ascending, isString, DisallowedObjectProperties \} from 'vega-util';$/m;
  const exportLine = /^export \{ expression as expressionInterpreter \};$/m;
  if (!importLine.test(source) || !exportLine.test(source)) {
    throw new Error("vega-interpreter changed its imports or exports: update src/dashboard/assets.ts");
  }
  return `(function () {\n"use strict";\nconst { ascending, isString, DisallowedObjectProperties } = globalThis.vega;\n${source
    .replace(importLine, "")
    .replace(exportLine, "globalThis.vegaInterpreter = { expressionInterpreter: expression };")}\n})();\n`;
}

export interface Asset {
  body: Buffer;
  type: string;
}

/** Read once at start: a missing file stops the start, not a page view. */
export function loadAssets(): Map<string, Asset> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/dashboard or dist/dashboard: public/ is two levels up either way.
  const own = path.resolve(here, "../../public/dashboard");
  const js = "text/javascript; charset=utf-8";
  const read = (file: string) => fs.readFileSync(file);
  return new Map<string, Asset>([
    ["vega.min.js", { body: read(path.join(packageDir("vega"), "build/vega.min.js")), type: js }],
    ["vega-lite.min.js", { body: read(path.join(packageDir("vega-lite"), "build/vega-lite.min.js")), type: js }],
    ["vega-embed.min.js", { body: read(path.join(packageDir("vega-embed"), "build/vega-embed.min.js")), type: js }],
    [
      "vega-interpreter.js",
      {
        body: Buffer.from(
          interpreterScript(
            read(path.join(packageDir("vega-interpreter"), "build/vega-interpreter.js")).toString("utf8"),
          ),
        ),
        type: js,
      },
    ],
    ["dashboard.js", { body: read(path.join(own, "dashboard.js")), type: js }],
    ["dashboard.css", { body: read(path.join(own, "dashboard.css")), type: "text/css; charset=utf-8" }],
  ]);
}
