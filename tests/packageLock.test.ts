// package-lock.json must describe package.json exactly, or `npm install` on a fresh clone
// rewrites it (as it once did for `engines`) and leaves a newcomer with a dirty checkout.
// `npm ci` refuses a lock that is out of sync; this catches it without the network.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("package-lock.json", () => {
  it("matches package.json's name, version, engines, licence and dependencies", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    const root = lock.packages[""];
    expect({ name: lock.name, version: lock.version }).toEqual({ name: pkg.name, version: pkg.version });
    expect(root.engines).toEqual(pkg.engines);
    expect(root.bin).toEqual(pkg.bin);
    expect(root.license).toEqual(pkg.license);
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
  });
});
