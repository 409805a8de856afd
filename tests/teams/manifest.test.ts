// The Teams app package: `npm run teams:package` writes a zip whose manifest validates against
// the Teams manifest JSON schema we ship against (v1.30, from @microsoft/app-manifest, offline),
// with icons of the sizes Teams requires.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs script, run by npm run teams:package
import { exampleUrls } from "../../scripts/teams-package.mjs";
import { tempDir } from "../helpers/harness.js";

const require = createRequire(import.meta.url);
// Both are CommonJS modules that also export themselves as `default`.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const SCHEMA = "@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json";
const APP_ID = "11111111-2222-3333-4444-555555555555";

/** Reads a store-only zip (what our packager writes) back into name → bytes. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    expect(buf.readUInt16LE(at + 8)).toBe(0); // stored
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = at + 30 + nameLength + extra;
    files.set(name, buf.subarray(start, start + size));
    at = start + size;
  }
  expect(buf.readUInt32LE(buf.length - 22)).toBe(0x06054b50);
  return files;
}

function pngSize(png: Buffer): [number, number, number] {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20), png[25]!];
}

describe("Teams app package", () => {
  it("npm run teams:package writes a zip whose manifest validates against the Teams v1.30 schema", async () => {
    const out = path.join(tempDir(), "kundennah-teams.zip");
    const { stderr } = await promisify(execFile)(process.execPath, ["scripts/teams-package.mjs", out], {
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID },
    });
    // The shipped manifest carries example.com links; the package is written, with a warning naming them.
    expect(stderr).toContain(
      "WARNING — developer.websiteUrl, developer.privacyUrl, developer.termsOfUseUrl still point to example.com",
    );
    expect(stderr).toContain("manifests/teams/manifest.json");
    const files = unzip(fs.readFileSync(out));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);

    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(require.resolve(SCHEMA), "utf8")));
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);

    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    const personal = manifest.bots[0].commandLists.find((l: { scopes: string[] }) => l.scopes.includes("personal"));
    expect(personal.commands.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(["checkin", "me", "pause 2w", "resume", "help", "leaders add", "schedule", "nudge-now"]),
    );
    // Colour icon 192×192, outline 32×32 with transparency (RGBA).
    expect(pngSize(files.get("color.png")!)).toEqual([192, 192, 6]);
    expect(pngSize(files.get("outline.png")!)).toEqual([32, 32, 6]);
  });

  it("stops warning once the example.com links are replaced", () => {
    const shipped = JSON.parse(fs.readFileSync("manifests/teams/manifest.json", "utf8"));
    expect(exampleUrls(shipped)).toEqual(["developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl"]);
    const own = {
      ...shipped,
      developer: {
        ...shipped.developer,
        websiteUrl: "https://intranet.acme.de/kundennah",
        privacyUrl: "https://acme.de/datenschutz",
        termsOfUseUrl: "https://acme.de/agb",
      },
    };
    expect(exampleUrls(own)).toEqual([]);
    expect(exampleUrls({ developer: { websiteUrl: "https://www.example.org/x" } })).toEqual(["developer.websiteUrl"]);
    expect(exampleUrls({ developer: { websiteUrl: "https://notexample.com/x" } })).toEqual([]);
  });

  it("refuses to package without a proper MICROSOFT_APP_ID", async () => {
    const run = (env: Record<string, string>) =>
      promisify(execFile)(
        process.execPath,
        [path.resolve("scripts/teams-package.mjs"), path.join(tempDir(), "x.zip")],
        { env: { PATH: process.env.PATH ?? "", ...env } },
      );
    await expect(run({ MICROSOFT_APP_ID: "" })).rejects.toMatchObject({
      stderr: expect.stringContaining("MICROSOFT_APP_ID is not set"),
    });
    await expect(run({ MICROSOFT_APP_ID: "my-bot" })).rejects.toMatchObject({
      stderr: expect.stringContaining("GUID"),
    });
  });
});
