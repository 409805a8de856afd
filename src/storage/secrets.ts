// Secrets the app makes for itself: created once, kept in the database, so hashes stay
// comparable across restarts and replicas. An operator-provided value always wins.
import crypto from "node:crypto";
import type { Db } from "./database.js";

export async function loadOrCreateSecret(db: Db, name: string): Promise<string> {
  const existing = await db.appSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  const value = crypto.randomBytes(32).toString("base64url");
  // Two replicas starting at once: whichever insert wins, both read the stored value back.
  await db.appSecret.upsert({ where: { name }, create: { name, value }, update: {} });
  return (await db.appSecret.findUniqueOrThrow({ where: { name } })).value;
}

/**
 * Deletes the stored copy of a secret the operator now provides: with the key next to the
 * hashes, a copy of the database could recompute them. Returns whether there was one.
 */
export async function dropStoredSecret(db: Db, name: string): Promise<boolean> {
  return (await db.appSecret.deleteMany({ where: { name } })).count > 0;
}
