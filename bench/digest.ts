import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { createCore } from "../src/core/index.js";
import { createHasher } from "../src/core/shared/hash.js";
import type { Workspace } from "../src/core/shared/model.js";
import { PrismaCheckInStore } from "../src/storage/checkinStore.js";
import { PrismaConversationStore } from "../src/storage/conversationStore.js";
import { PrismaDashboardStore } from "../src/storage/dashboardStore.js";
import { type OpenedDatabase, openDatabase } from "../src/storage/database.js";
import { PrismaMirrorStore } from "../src/storage/mirrorStore.js";
import { PrismaOutboxStore } from "../src/storage/outboxStore.js";
import { PrismaPresenceStore } from "../src/storage/presenceStore.js";
import { PrismaSuggestionStore } from "../src/storage/suggestionStore.js";
import { PrismaVocabularyStore } from "../src/storage/vocabularyStore.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import {
  flag,
  fmt,
  heading,
  intFlag,
  listFlag,
  machine,
  main,
  median,
  note,
  postgresAvailable,
  result,
  scratchPostgres,
  table,
  tempDir,
  verdict,
} from "./lib/common.js";
import { copySignalsPostgres, signalRows } from "./lib/seed.js";

const CHANNELS = 1000;
const WEEK = "2026-W47";
const DAYS = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"];
const STAMP = "2026-11-20T10:00:00.000+00:00";

interface Target {
  name: string;
  opened: OpenedDatabase;
  workspace: Workspace;
  seed(from: number, to: number): Promise<void>;
  scan(): Promise<number>;
  plan(): Promise<string>;
  close(): Promise<void>;
}

async function openTarget(url: string, name: string): Promise<{ opened: OpenedDatabase; workspace: Workspace }> {
  const opened = await openDatabase(url);
  const store = new PrismaWorkspaceStore(opened.prisma);
  const workspace = await store.ensureWorkspace("slack", "T0001", {
    cadence: "weekly",
    weekday: 1,
    nudgeMinute: 540,
    includeWeekends: false,
    language: "de",
    timezone: "Europe/Berlin",
  });
  void name;
  return { opened, workspace };
}

async function sqliteTarget(): Promise<Target> {
  const dir = tempDir("digest");
  const file = `${dir}/kundennah.db`;
  const { opened, workspace } = await openTarget(`file:${file}`, "sqlite");
  const raw = new Database(file, { timeout: 10_000 });
  raw.pragma("journal_mode = WAL");
  const insert = raw.prepare(
    `INSERT INTO "PresenceSignal" ("id","workspaceId","channelRef","messageRef","day","week","customer","tone","classifier","authorHash","createdAt","updatedAt")
     VALUES (@id,@workspaceId,@channelRef,@messageRef,@day,@week,@customer,@tone,@classifier,@authorHash,'${STAMP}','${STAMP}')`,
  );
  const count = raw.prepare(`SELECT COUNT(*) AS n FROM "PresenceSignal" WHERE "workspaceId" = ? AND "week" = ?`);
  return {
    name: "SQLite",
    opened,
    workspace,
    seed: async (from, to) => {
      raw.pragma("synchronous = OFF");
      const chunk = 200_000;
      for (let start = from; start < to; start += chunk) {
        raw.transaction(() => {
          for (const row of signalRows(start, Math.min(to, start + chunk), workspace.id, WEEK, DAYS, CHANNELS))
            insert.run(row);
        })();
      }
      raw.pragma("synchronous = FULL");
      raw.pragma("wal_checkpoint(TRUNCATE)");
      raw.exec("ANALYZE");
    },
    scan: async () => (count.get(workspace.id, WEEK) as { n: number }).n,
    plan: async () =>
      (
        raw
          .prepare(
            `EXPLAIN QUERY PLAN SELECT "channelRef","week",COUNT(*),COUNT(DISTINCT "authorHash") FROM "PresenceSignal" WHERE "workspaceId" = ? AND "week" IN (?) GROUP BY "channelRef","week"`,
          )
          .all(workspace.id, WEEK) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join("; "),
    close: async () => {
      raw.close();
      await opened.close();
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const url = scratchPostgres("digest");
  const { opened, workspace } = await openTarget(url, "postgresql");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    name: "PostgreSQL",
    opened,
    workspace,
    seed: async (from, to) => {
      await copySignalsPostgres(url, signalRows(from, to, workspace.id, WEEK, DAYS, CHANNELS), STAMP);
      await client.query(`VACUUM ANALYZE "PresenceSignal"`);
    },
    scan: async () =>
      Number(
        (
          await client.query(`SELECT COUNT(*) AS n FROM "PresenceSignal" WHERE "workspaceId" = $1 AND "week" = $2`, [
            workspace.id,
            WEEK,
          ])
        ).rows[0].n,
      ),
    plan: async () =>
      (
        await client.query(
          `EXPLAIN SELECT "channelRef","week",COUNT(*),COUNT(DISTINCT "authorHash") FROM "PresenceSignal" WHERE "workspaceId" = $1 AND "week" IN ($2) GROUP BY "channelRef","week"`,
          [workspace.id, WEEK],
        )
      ).rows
        .map((r: Record<string, string>) => Object.values(r)[0]!.trim())
        .join("; "),
    close: async () => {
      await client.end();
      await opened.close();
    },
  };
}

function coreFor(target: Target) {
  const db = target.opened.prisma;
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  return createCore({
    workspaceStore: new PrismaWorkspaceStore(db),
    checkInStore: new PrismaCheckInStore(db),
    addressStore: new PrismaConversationStore(db),
    suggestionStore: new PrismaSuggestionStore(db),
    outboxStore: new PrismaOutboxStore(db),
    presenceStore: new PrismaPresenceStore(db),
    dashboardStore: new PrismaDashboardStore(db),
    publicUrl: () => "http://localhost:3000",
    mirrorStore: new PrismaMirrorStore(db),
    mirrorMinResponses: 3,
    vocabularyStore: new PrismaVocabularyStore(db),
    llmClassifier: null,
    summarizer: null,
    presenceMinAuthors: 3,
    presenceRetentionWeeks: 26,
    scrubDeleted: target.opened.scrubDeleted,
    hash: createHasher("bench"),
    clock: () => new Date("2026-11-23T08:00:00Z"),
    logger: logger as never,
    nudgeGraceMs: 6 * 3600_000,
    admins: [],
    defaults: {
      cadence: "weekly",
      weekday: 1,
      nudgeMinute: 540,
      includeWeekends: false,
      language: "de",
      timezone: "Europe/Berlin",
    },
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

async function runOn(target: Target, sizes: number[], repeats: number) {
  heading(`Digest computation, ${target.name}: 1,000 channels, all signals in ${WEEK}`);
  const core = coreFor(target);
  const rows: (string | number)[][] = [
    [
      "signals",
      "per channel",
      "seed s",
      "report s (median)",
      "report s (first)",
      "COUNT(*) s",
      "report / COUNT",
      "time/size vs smallest",
    ],
  ];
  const figures: Record<string, unknown>[] = [];
  let seeded = 0;
  let firstPerRow = 0;
  for (const size of sizes) {
    const [seedMs] = await timed(() => target.seed(seeded, size));
    seeded = size;
    const times: number[] = [];
    let channels = 0;
    for (let i = 0; i < repeats; i++) {
      const [ms, report] = await timed(() => core.presence.report(target.workspace, WEEK));
      times.push(ms);
      channels = report.channels?.length ?? 0;
    }
    const scans: number[] = [];
    let counted = 0;
    for (let i = 0; i < repeats; i++) {
      const [ms, n] = await timed(() => target.scan());
      scans.push(ms);
      counted = n;
    }
    if (counted !== size) throw new Error(`${target.name}: expected ${size} signals in the week, found ${counted}`);
    const med = median(times);
    const perRow = med / size;
    if (!firstPerRow) firstPerRow = perRow;
    rows.push([
      fmt(size),
      fmt(size / CHANNELS),
      seedMs / 1000,
      med / 1000,
      times[0]! / 1000,
      median(scans) / 1000,
      med / median(scans),
      (perRow / firstPerRow).toFixed(2),
    ]);
    figures.push({
      size,
      seedS: seedMs / 1000,
      reportS: med / 1000,
      countS: median(scans) / 1000,
      growth: perRow / firstPerRow,
      channelsInReport: channels,
    });
    console.log(
      `  … ${fmt(size)} signals: report ${(med / 1000).toFixed(2)} s (seeded in ${(seedMs / 1000).toFixed(0)} s)`,
    );
  }
  table(rows);
  note(`query plan of the per-channel GROUP BY: ${await target.plan()}`);
  const last = figures[figures.length - 1]!;
  verdict(
    Number(last.growth) <= 1.25,
    `time per signal at ${fmt(Number(last.size))} is ${Number(last.growth).toFixed(2)} × that at ${fmt(sizes[0]!)} (≤ 1.25 counts as linear or better)`,
  );
  return figures;
}

main(async () => {
  const databases = (flag("databases") ?? "sqlite,postgresql").split(",");
  const sizes = listFlag("sizes", [1_000_000, 2_000_000, 5_000_000]);
  const pgSizes = listFlag("pg-sizes", [1_000_000, 2_000_000]);
  const repeats = intFlag("repeats", 3);
  note(machine());
  const figures: Record<string, unknown> = {};
  if (databases.includes("sqlite")) {
    if (!flag("sizes"))
      note(
        "SQLite sizes reduced to 1M, 2M, 5M by default: 10M adds ~85 s of seeding and ~3 × 50 s of reports on this 2-core machine, past the ~10 min budget of `npm run bench`; pass --sizes 1M,2M,5M,10M for the issue's full size",
      );
    const target = await sqliteTarget();
    figures.sqlite = await runOn(target, sizes, repeats);
    await target.close();
  }
  if (databases.includes("postgresql")) {
    if (!postgresAvailable()) note("PostgreSQL is not reachable: skipped");
    else {
      if (!flag("pg-sizes"))
        note(
          `PostgreSQL sizes reduced to ${pgSizes.map(fmt).join(", ")} by default to keep \`npm run bench\` near 10 minutes (COPY + index build); pass --pg-sizes 1M,2M,5M,10M for the full series`,
        );
      const target = await postgresTarget();
      figures.postgresql = await runOn(target, pgSizes, repeats);
      await target.close();
    }
  }
  result("digest", figures);
});
