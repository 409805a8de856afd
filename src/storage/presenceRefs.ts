// Rows an earlier version stored with plain message references (the Slack ts, the Teams message
// id) and plain event ids get keyed ones when the app starts, so their edits and deletes still
// find them and a copy of the database names no message.
import { KEYED_HASH_LENGTH } from "../core/shared/hash.js";
import type { OpenedDatabase } from "./database.js";
import { Prisma } from "./generated/client.js";

export interface ReferenceKeys {
  message(workspaceId: string, channelRef: string, messageRef: string): string;
  event(eventId: string): string;
}

const PAGE = 1000;

/**
 * A keyed value is 43 base64url characters, which never include ":" or ".". Plain ones differ:
 * a Slack ts has a ".", a Teams message id is shorter, a Teams event id has ":" (and one of
 * them is exactly 43 characters long, so the length alone would not tell).
 */
const isPlain = (column: string) =>
  Prisma.sql`(LENGTH(${Prisma.raw(`"${column}"`)}) <> ${KEYED_HASH_LENGTH} OR ${Prisma.raw(`"${column}"`)} LIKE '%:%' OR ${Prisma.raw(`"${column}"`)} LIKE '%.%')`;

/** Returns how many rows were keyed (0 once everything is). */
export async function keyPlainReferences({ prisma }: OpenedDatabase, keys: ReferenceKeys): Promise<number> {
  let keyed = 0;
  // Pages in id order, each continuing after the last: the rows already keyed are not read again.
  for (let after = ""; ; ) {
    const rows = await prisma.$queryRaw<{ id: string; workspaceId: string; channelRef: string; messageRef: string }[]>`
      SELECT "id", "workspaceId", "channelRef", "messageRef" FROM "PresenceSignal"
      WHERE "id" > ${after} AND ${isPlain("messageRef")} ORDER BY "id" LIMIT ${PAGE}`;
    if (rows.length === 0) break;
    const keyedRows = rows.map((row) => ({
      ...row,
      ref: keys.message(row.workspaceId, row.channelRef, row.messageRef),
    }));
    await prisma.$executeRaw`UPDATE "PresenceSignal" SET "messageRef" = keyed.column2
        FROM (VALUES ${Prisma.join(keyedRows.map((r) => Prisma.sql`(${r.id}, ${r.ref})`))}) AS keyed WHERE "PresenceSignal"."id" = keyed.column1`.catch(
      () =>
        // A keyed twin exists (written meanwhile by a newer replica): row by row, and the twin wins.
        prisma.$transaction(
          keyedRows.flatMap((row) => [
            prisma.$executeRaw`UPDATE "PresenceSignal" SET "messageRef" = ${row.ref}
              WHERE "id" = ${row.id} AND NOT EXISTS (SELECT 1 FROM "PresenceSignal" WHERE "workspaceId" = ${row.workspaceId} AND "channelRef" = ${row.channelRef} AND "messageRef" = ${row.ref})`,
            prisma.$executeRaw`DELETE FROM "PresenceSignal" WHERE "id" = ${row.id} AND "messageRef" = ${row.messageRef}`,
          ]),
        ),
    );
    keyed += rows.length;
    after = rows.at(-1)!.id;
  }
  for (let after = ""; ; ) {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ProcessedEvent" WHERE "id" > ${after} AND ${isPlain("id")} ORDER BY "id" LIMIT ${PAGE}`;
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    // Copied under the keyed id (a keyed twin already there wins), then the plain row goes.
    await prisma.$transaction([
      prisma.$executeRaw`INSERT INTO "ProcessedEvent" ("id", "createdAt")
        SELECT keyed.column2, "createdAt" FROM "ProcessedEvent" JOIN (VALUES ${Prisma.join(ids.map((id) => Prisma.sql`(${id}, ${keys.event(id)})`))}) AS keyed ON "ProcessedEvent"."id" = keyed.column1
        WHERE true ON CONFLICT ("id") DO NOTHING`,
      prisma.$executeRaw`DELETE FROM "ProcessedEvent" WHERE "id" IN (${Prisma.join(ids)})`,
    ]);
    keyed += rows.length;
    after = ids.at(-1)!;
  }
  return keyed;
}

/**
 * Values overwritten before SQLite ran with secure_delete (an earlier version) stay in free pages,
 * and the write-ahead log holds pages as they were: rebuilding the file and emptying the log
 * removes both. (On PostgreSQL a query or a dump returns live rows only; old row versions stay
 * in the server's data files until vacuum reuses their space.)
 */
export async function eraseOverwritten({ prisma, provider, scrubDeleted }: OpenedDatabase): Promise<void> {
  if (provider !== "sqlite") return;
  await prisma.$executeRawUnsafe("VACUUM");
  await scrubDeleted();
}
