// npm run teams:package — writes dist/kundennah-teams.zip, the Teams app package to upload
// (Teams admin center or "Upload a custom app"): manifest.json with MICROSOFT_APP_ID filled in,
// plus the two icons. The zip is written by a tiny store-only (uncompressed) ZIP writer.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SOURCE = path.join(ROOT, "manifests/teams");
// zlib.crc32 needs Node 20.15+; the package supports 20.11, so the table lives here.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** manifest.json text with ${VARIABLE} placeholders replaced; unknown ones are an error. */
export function renderManifest(template, env) {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name) => {
    const value = env[name]?.trim();
    if (!value)
      throw new Error(
        `${name} is not set; it is needed for the Teams app package (see README.md, "Install in a Teams tenant")`,
      );
    if (name === "MICROSOFT_APP_ID" && !GUID.test(value))
      throw new Error(`MICROSOFT_APP_ID must be the Azure Bot's app id, a GUID; got "${value}"`);
    return value;
  });
}

/**
 * Where the manifest still carries the shipped example.com URLs, as "developer.privacyUrl"
 * paths. Teams shows these links to everyone who installs the app, so they must be the
 * organisation's own pages; the package is still written, for trying it out in a test tenant.
 */
export function exampleUrls(manifest, at = "") {
  if (typeof manifest === "string")
    return /^https?:\/\/([^/]*\.)?example\.(com|org|net)([:/]|$)/i.test(manifest) ? [at] : [];
  if (!manifest || typeof manifest !== "object") return [];
  return Object.entries(manifest).flatMap(([key, value]) => exampleUrls(value, at ? `${at}.${key}` : key));
}

/** A ZIP archive of `files` ({ name, data }) without compression — every unzip and Teams read it. */
export function storeZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // method: store
    local.writeUInt16LE(0, 10); // time 00:00 and date 1980-01-01, so builds are reproducible
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function buildPackage(env, out = path.join(ROOT, "dist/kundennah-teams.zip")) {
  const manifest = renderManifest(fs.readFileSync(path.join(SOURCE, "manifest.json"), "utf8"), env);
  const files = [
    { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
    { name: "color.png", data: fs.readFileSync(path.join(SOURCE, "color.png")) },
    { name: "outline.png", data: fs.readFileSync(path.join(SOURCE, "outline.png")) },
  ];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, storeZip(files));
  return { out, placeholders: exampleUrls(JSON.parse(manifest)) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  if (fs.existsSync(path.join(ROOT, ".env"))) process.loadEnvFile(path.join(ROOT, ".env"));
  try {
    const { out, placeholders } = buildPackage(
      process.env,
      process.argv[2] ? path.resolve(process.argv[2]) : undefined,
    );
    console.log(
      `wrote ${path.relative(process.cwd(), out)} — upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin center`,
    );
    if (placeholders.length) {
      console.warn(
        `teams:package: WARNING — ${placeholders.join(", ")} still point${placeholders.length === 1 ? "s" : ""} to example.com. ` +
          "Teams shows these links to everyone who installs the app: put your organisation's own pages (website, privacy " +
          "statement, terms of use) into manifests/teams/manifest.json before you upload this package beyond a test tenant.",
      );
    }
  } catch (error) {
    console.error(`teams:package: ${error.message}`);
    process.exit(1);
  }
}
