// better-sqlite3 runs every statement synchronously on the event loop, so SQLite's own busy
// timeout would wait for a lock held by another connection (a backup, an admin's shell) with the
// whole process frozen: no HTTP answers, no timers, Slack's 3 seconds gone. Instead the
// connection is opened with no busy timeout, and a statement that finds the database locked is
// tried again here after short asynchronous pauses, up to the same overall wait.

/** What SQLite's "database is locked" looks like once Prisma's adapter has wrapped it. */
function isLocked(error: unknown): boolean {
  return (error as { cause?: { originalCode?: string } })?.cause?.originalCode === "SQLITE_BUSY";
}

async function untilUnlocked<T>(run: () => Promise<T>, maxWaitMs: number): Promise<T> {
  const giveUpAt = Date.now() + maxWaitMs;
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      return await run();
    } catch (error) {
      if (!isLocked(error) || Date.now() + pauseMs > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

const STATEMENTS = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);
/** Calls whose result is itself a connection or a transaction, whose statements wait the same way. */
const OPENERS = new Set<PropertyKey>(["connect", "startTransaction"]);

/**
 * Wraps a Prisma driver adapter factory (and the connections and transactions it makes) so that
 * statements wait for a lock asynchronously. A statement that failed with SQLITE_BUSY changed
 * nothing, so running it again is safe, also inside a transaction.
 */
export function waitingForLocks<T extends object>(target: T, maxWaitMs: number): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (STATEMENTS.has(key))
        return (...args: unknown[]) => untilUnlocked(() => method.apply(object, args), maxWaitMs);
      if (OPENERS.has(key))
        return async (...args: unknown[]) => waitingForLocks((await method.apply(object, args)) as object, maxWaitMs);
      return method.bind(object);
    },
  });
}
