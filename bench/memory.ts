// 6. Memory: RSS of `npm start` (what package.json's start runs) idle after start, with SQLite
// and Slack configured against the fake, and again with 10,000 leaders and 1M signals in the
// database after the start-up tick (10,000 nudges sent) and a /cx-admin digest-now preview.
// Baselines: a bare `node -e "setInterval(()=>{},1000)"`, a bare Bolt app under plain node and
// the same under the tsx loader. `npm start` is a process tree (npm → sh → tsx CLI → node), so
// the tree and the app process are both shown. Target: idle ≤ 150 MB.
//   npm run bench -- memory [--leaders 10000] [--signals 1M] [--settle-seconds 5]
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { addDays, isoWeek, localDateTime } from "../src/core/shared/time.js";
import { openDatabase } from "../src/storage/database.js";
import { PrismaWorkspaceStore } from "../src/storage/workspaceStore.js";
import { FORM, sign, slashCommand } from "../tests/helpers/slackRequests.js";
import {
  BOT_TOKEN,
  fmt,
  freePort,
  heading,
  intFlag,
  machine,
  main,
  note,
  onCleanup,
  processTree,
  ROOT,
  request,
  result,
  rssOf,
  SIGNING_SECRET,
  sleep,
  startChild,
  startFakeSlack,
  table,
  tempDir,
  verdict,
  waitUntil,
} from "./lib/common.js";
import { seedLeadersSqlite, seedSignalsSqlite, signalRows } from "./lib/seed.js";

type Tree = ReturnType<typeof processTree>;
const total = (tree: Tree) => tree.reduce((a, p) => a + p.rss, 0);
/** The node process that runs the app: the tree's largest. */
const appProcess = (tree: Tree) => tree.reduce((a, p) => (p.rss > a.rss ? p : a));

function launch(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // its own process group: npm, sh, tsx and node
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(stop);
  return { child, stop };
}

main(async () => {
  const settle = intFlag("settle-seconds", 5) * 1000;
  const leaders = intFlag("leaders", 10_000);
  const signals = intFlag("signals", 1_000_000);
  heading("Memory (RSS)");
  note(machine());
  const slack = await startFakeSlack();
  const slackEnv = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "info",
  };
  const rows: (string | number)[][] = [["process", "RSS MB", "peak MB", "processes"]];
  const figures: Record<string, number> = {};

  // Baselines.
  const idle = launch(process.execPath, ["-e", "setInterval(()=>{},1000)"], {});
  await sleep(settle);
  const idleRss = rssOf(idle.child.pid!);
  rows.push(["node -e setInterval (baseline)", idleRss.rss, idleRss.peak, 1]);
  figures.bareNode = idleRss.rss;
  await idle.stop();
  for (const [label, nodeArgs] of [
    ["bare Bolt app, plain node (baseline)", []],
    ["bare Bolt app under tsx loader", ["--import", "tsx"]],
  ] as const) {
    const bolt = await startChild(
      "bench/servers/bareBolt.mjs",
      { ...slackEnv, PORT: "0" },
      { plain: true, nodeArgs: [...nodeArgs] },
    );
    await sleep(settle);
    const m = rssOf(bolt.pid);
    rows.push([label, m.rss, m.peak, 1]);
    figures[nodeArgs.length ? "bareBoltTsx" : "bareBolt"] = m.rss;
    await bolt.stop();
  }

  const startOurs = async (
    label: string,
    how: "npm" | "node",
    dbFile: string,
    extraEnv: Record<string, string> = {},
  ) => {
    const port = await freePort();
    const env = { ...slackEnv, DATABASE_URL: `file:${dbFile}`, PORT: String(port), ...extraEnv };
    const proc =
      how === "npm"
        ? launch("npm", ["start", "--silent"], env)
        : launch(process.execPath, ["--import", "tsx", "src/main.ts"], env);
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await request(`${url}/healthz`, { method: "GET" }).catch(() => ({ status: 0 }))).status === 200,
      60_000,
      `${label} to answer /healthz`,
      100,
    );
    return { ...proc, url, label };
  };
  const sample = (label: string, pid: number, key: string) => {
    const tree = processTree(pid);
    const app = appProcess(tree);
    rows.push([`${label}: whole tree`, total(tree), tree.reduce((a, p) => a + p.peak, 0), tree.length]);
    rows.push([`${label}: app process`, app.rss, app.peak, 1]);
    figures[`${key}Tree`] = total(tree);
    figures[`${key}App`] = app.rss;
    figures[`${key}AppPeak`] = app.peak;
    return tree;
  };

  // Idle: a fresh database, nothing to do.
  for (const how of ["npm", "node"] as const) {
    const dir = tempDir(`memory-${how}`);
    const ours = await startOurs(
      how === "npm" ? "npm start" : "node --import tsx src/main.ts",
      how,
      `${dir}/kundennah.db`,
    );
    await sleep(settle);
    const tree = sample(`${ours.label} (idle)`, ours.child.pid!, how === "npm" ? "idleNpm" : "idleNode");
    if (how === "npm")
      for (const p of tree) note(`  pid ${p.pid}  ${p.rss.toFixed(0).padStart(4)} MB  ${p.cmd.slice(0, 110)}`);
    await ours.stop();
  }

  // Loaded: 10,000 leaders due now and 1M signals in last week, then the start-up tick and a preview.
  const dir = tempDir("memory-loaded");
  const file = `${dir}/kundennah.db`;
  const now = new Date();
  const local = localDateTime(now, "Europe/Berlin");
  const lastWeek = isoWeek(addDays(local, -7));
  const opened = await openDatabase(`file:${file}`);
  const workspace = await new PrismaWorkspaceStore(opened.prisma).ensureWorkspace("slack", "T0001", {
    cadence: "weekly",
    weekday: local.weekday,
    nudgeMinute: Math.max(0, local.hour * 60 + local.minute - 2),
    includeWeekends: true,
    language: "de",
    timezone: "Europe/Berlin",
  });
  await opened.close();
  const raw = new Database(file);
  const t0 = Date.now();
  seedLeadersSqlite(raw, workspace.id, leaders);
  seedSignalsSqlite(
    raw,
    signalRows(0, signals, workspace.id, lastWeek, ["d1", "d2", "d3", "d4", "d5"]),
    now.toISOString().replace("Z", "+00:00"),
  );
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  note(
    `seeded ${fmt(leaders)} leaders and ${fmt(signals)} signals (week ${lastWeek}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  await slack.reset();
  const ours = await startOurs("npm start", "npm", file, { KUNDENNAH_ADMINS: "UADMIN" });
  const tick0 = Date.now();
  await waitUntil(
    async () => ((await slack.stats()).calls["chat.postMessage"] ?? 0) >= leaders,
    600_000,
    "the start-up tick to send every nudge",
    500,
  );
  note(`start-up tick sent ${fmt(leaders)} nudges in about ${((Date.now() - tick0) / 1000).toFixed(0)} s`);
  const admin = sign(slashCommand("/cx-admin", "digest-now", "UADMIN", slack.responseUrl("digest")), FORM, {
    secret: SIGNING_SECRET,
  });
  const d0 = Date.now();
  await request(`${ours.url}/slack/events`, { method: "POST", headers: admin.headers, body: admin.body });
  await waitUntil(
    async () => ((await slack.stats(true)).channels?.UADMIN ?? 0) >= 1,
    300_000,
    "the digest preview",
    200,
  );
  note(
    `digest preview over ${fmt(signals)} signals posted ${((Date.now() - d0) / 1000).toFixed(1)} s after /cx-admin digest-now`,
  );
  await sleep(settle);
  sample(
    `npm start (${fmt(leaders)} leaders, ${fmt(signals)} signals, after tick + preview)`,
    ours.child.pid!,
    "loaded",
  );
  await ours.stop();

  table(rows);
  // The target is the bot's own process (what a container running `node dist/main.js` holds);
  // the tree adds npm's CLI, which only a developer's `npm start` has.
  verdict(
    figures.idleNpmApp! <= 150,
    `idle: app process ${figures.idleNpmApp!.toFixed(0)} MB (target ≤ 150 MB); npm start's whole tree ${figures.idleNpmTree!.toFixed(0)} MB incl. npm itself`,
  );
  note(
    `app process vs bare Bolt under plain node: ${(figures.idleNpmApp! / figures.bareBolt!).toFixed(2)} ×; tsx loader alone costs ${(figures.bareBoltTsx! - figures.bareBolt!).toFixed(0)} MB on bare Bolt`,
  );
  result("memory", figures);
});
