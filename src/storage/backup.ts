// A consistent copy of the SQLite database while the bot keeps running: SQLite's online backup
// API (better-sqlite3's db.backup) reading beside the bot's writer, which WAL mode allows.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
}

/** better-sqlite3 caps pages per step at 2^31 - 1: everything in one step. */
const ALL_PAGES = 0x7fffffff;

export class BackupTargetExists extends Error {}

/**
 * Copies `source` to `target` (which must not exist yet). All pages are copied in one backup
 * step, under one read transaction: SQLite restarts a stepwise backup whenever another
 * connection writes between steps, which a busy bot could do forever. The copy is written next
 * to the target and moved there when complete and checked, so a failed run leaves nothing that
 * looks like a backup; it is a single self-contained file (rollback journal, not WAL).
 */
/** Renames, unless `to` appeared in the meantime (a rename would silently replace it). */
function linkNoClobber(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new BackupTargetExists(`${to} appeared while the backup ran; it was left alone`);
    throw error;
  }
  fs.rmSync(from);
}

export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  const file = path.resolve(target);
  if (fs.existsSync(file))
    throw new BackupTargetExists(`${file} exists already; a backup never overwrites a file, choose a new name`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const { totalPages } = await db.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed SQLite's quick_check: ${String(check)}`);
    } finally {
      copy.close();
    }
    linkNoClobber(partial, file);
    return { file, pages: totalPages, bytes: fs.statSync(file).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
