// Starting the real server (`node --import tsx src/main.ts`, what `npm run dev` runs; `npm start`
// runs the same code compiled) against PostgreSQL set up wrong the ways newcomers set it up:
// each problem is named in terms of DATABASE_URL with what to do, and exits 78 like every other
// configuration problem. A database that is merely missing is created when the role may.
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { POSTGRES_URL, TEST_DB_PREFIX, testDatabase } from "./helpers/database.js";

function urlWith(base: string, changes: { user?: string; port?: number; database?: string }): string {
  const url = new URL(base);
  if (changes.user !== undefined) url.username = changes.user;
  if (changes.port !== undefined) url.port = String(changes.port);
  if (changes.database !== undefined) url.pathname = `/${changes.database}`;
  return url.toString();
}

function psql(sql: string): string {
  return execFileSync("psql", [POSTGRES_URL, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], { encoding: "utf8" }).trim();
}

interface Started {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the server until it exits, or until a stdout line matches `until` (then stops it). */
function startServer(databaseUrl: string, until?: RegExp): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    stdout += `${line}\n`;
    if (until?.test(line)) child.kill("SIGTERM");
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("starting against PostgreSQL", () => {
  it("names DATABASE_URL and says to start the server when nothing listens there", async () => {
    const started = await startServer(urlWith(POSTGRES_URL, { port: await closedPort(), database: "kundennah" }));
    expect(started.code).toBe(78);
    expect(started.stderr).toMatch(
      /configuration problem: DATABASE_URL: nothing accepts connections on 127\.0\.0\.1:\d+ \(connection refused\)/,
    );
    expect(started.stderr).toContain("Start PostgreSQL");
    expect(started.stderr).not.toContain("ECONNREFUSED");
  }, 60_000);
});

const onPostgres = testDatabase === "postgresql";
const suffix = crypto.randomBytes(4).toString("hex");
const noCreateRole = `${TEST_DB_PREFIX}nocreate_${suffix}`;
const server = new URL(POSTGRES_URL);
const serverAddress = `${server.hostname}:${server.port || 5432}`;

describe.skipIf(!onPostgres)(
  `starting against a PostgreSQL server${onPostgres ? "" : " — skipped: set TEST_DATABASE=postgresql (and TEST_POSTGRES_URL) to run"}`,
  () => {
    afterAll(() => {
      psql(`DROP ROLE IF EXISTS ${noCreateRole}`);
    });

    it("creates a missing database when the role may, and migrates it", async () => {
      const name = `${TEST_DB_PREFIX}created_${suffix}`;
      expect(psql(`SELECT count(*) FROM pg_database WHERE datname = '${name}'`)).toBe("0");
      const started = await startServer(urlWith(POSTGRES_URL, { database: name }), /Kundennah is running/);
      expect(started.stdout).toContain(`created the PostgreSQL database \\"${name}\\" (it did not exist)`);
      expect(started.stdout).toContain("Kundennah is running");
      const migrations = execFileSync(
        "psql",
        [
          urlWith(POSTGRES_URL, { database: name }),
          "-At",
          "-c",
          `SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
        ],
        { encoding: "utf8" },
      );
      expect(Number(migrations)).toBeGreaterThan(0);
    }, 60_000);

    it("explains an unknown role instead of the driver's message", async () => {
      const started = await startServer(urlWith(POSTGRES_URL, { user: `nosuchrole_${suffix}`, database: "kundennah" }));
      expect(started.code).toBe(78);
      expect(started.stderr).toContain(
        `configuration problem: DATABASE_URL: PostgreSQL on ${serverAddress} has no role "nosuchrole_${suffix}"`,
      );
      expect(started.stderr).toContain(`createuser --createdb --pwprompt nosuchrole_${suffix}`);
    }, 60_000);

    it("says how to create the database when the role may not, and creates nothing", async () => {
      psql(`CREATE ROLE ${noCreateRole} LOGIN NOCREATEDB`);
      const name = `${TEST_DB_PREFIX}refused_${suffix}`;
      const started = await startServer(urlWith(POSTGRES_URL, { user: noCreateRole, database: name }));
      expect(started.code).toBe(78);
      expect(started.stderr).toContain(
        `DATABASE_URL: the database "${name}" does not exist on ${serverAddress} and the role "${noCreateRole}" may not create databases`,
      );
      expect(started.stderr).toContain(
        `createdb -h ${server.hostname} -p ${server.port || 5432} -U postgres -O ${noCreateRole} ${name}`,
      );
      expect(psql(`SELECT count(*) FROM pg_database WHERE datname = '${name}'`)).toBe("0");
    }, 60_000);
  },
);
