// Bulk seeding straight into the tables (no Prisma): presence signals and leaders.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { rng } from "./common.js";

export const STAMP = "2026-01-05T08:00:00.000+00:00";
const AUTHOR_POOL = Array.from({ length: 8000 }, (_, i) =>
  crypto.createHash("sha256").update(`author${i}`).digest("base64url"),
);

/** Signal i of a week: channel i % channels, authors from the channel's own 25. */
export function* signalRows(
  from: number,
  to: number,
  workspaceId: string,
  week: string,
  days: string[],
  channels = 1000,
) {
  const random = rng(from + 1);
  for (let i = from; i < to; i++) {
    const channel = i % channels;
    const customer = random() < 0.35;
    const r = random();
    yield {
      id: `cbench${i.toString(36).padStart(19, "0")}`,
      workspaceId,
      channelRef: `C${String(channel).padStart(10, "0")}`,
      // Stored as the app stores it: a keyed hash of the Slack ts (plain ones would be keyed at start).
      messageRef: crypto
        .createHash("sha256")
        .update(`${1_763_000_000 + Math.floor(i / channels)}.${String(i % 1_000_000).padStart(6, "0")}`)
        .digest("base64url"),
      day: days[i % days.length]!,
      week,
      customer: customer ? 1 : 0,
      tone: customer ? (r < 0.5 ? "neutral" : r < 0.85 ? "positive" : "negative") : null,
      classifier: "builtin",
      authorHash: AUTHOR_POOL[(channel * 7 + Math.floor(random() * 25)) % AUTHOR_POOL.length]!,
    };
  }
}

export function seedSignalsSqlite(
  raw: Database.Database,
  rows: Iterable<Record<string, unknown>>,
  stamp = STAMP,
): void {
  const insert = raw.prepare(
    `INSERT INTO "PresenceSignal" ("id","workspaceId","channelRef","messageRef","day","week","customer","tone","classifier","authorHash","createdAt","updatedAt")
     VALUES (@id,@workspaceId,@channelRef,@messageRef,@day,@week,@customer,@tone,@classifier,@authorHash,'${stamp}','${stamp}')`,
  );
  raw.pragma("synchronous = OFF");
  let batch: Record<string, unknown>[] = [];
  const flush = raw.transaction((list: Record<string, unknown>[]) => {
    for (const r of list) insert.run(r);
  });
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= 100_000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  raw.pragma("synchronous = FULL");
}

export function seedLeadersSqlite(raw: Database.Database, workspaceId: string, count: number): void {
  const insert = raw.prepare(
    `INSERT INTO "Member" ("id","workspaceId","externalId","displayName","timezone","language","isLeader","leaderSince","createdAt","updatedAt") VALUES (?,?,?,?,'Europe/Berlin','de',1,'${STAMP}','${STAMP}','${STAMP}')`,
  );
  raw.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(`mbench${String(i).padStart(8, "0")}`, workspaceId, `U${String(i).padStart(8, "0")}`, `Leader ${i}`);
  })();
}

type SignalRow = ReturnType<typeof signalRows> extends Generator<infer R> ? R : never;

/** Streams signal rows into PostgreSQL with `psql … COPY FROM STDIN` (CSV), 10,000 lines a write. */
export async function copySignalsPostgres(url: string, rows: Iterable<SignalRow>, stamp = STAMP): Promise<void> {
  const psql = spawn(
    "psql",
    [
      url,
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-c",
      `COPY "PresenceSignal" ("id","workspaceId","channelRef","messageRef","day","week","customer","tone","classifier","authorHash","createdAt","updatedAt") FROM STDIN WITH (FORMAT csv)`,
    ],
    { stdio: ["pipe", "inherit", "inherit"] },
  );
  const done = new Promise<void>((resolve, reject) =>
    psql.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY exited with ${code}`)))),
  );
  let buffer: string[] = [];
  const flush = async () => {
    if (!psql.stdin.write(buffer.join(""))) await new Promise((r) => psql.stdin.once("drain", r));
    buffer = [];
  };
  for (const r of rows) {
    buffer.push(
      `${r.id},${r.workspaceId},${r.channelRef},${r.messageRef},${r.day},${r.week},${r.customer ? "t" : "f"},${r.tone ?? ""},${r.classifier},${r.authorHash},${stamp},${stamp}\n`,
    );
    if (buffer.length >= 10_000) await flush();
  }
  await flush();
  psql.stdin.end();
  await done;
}
