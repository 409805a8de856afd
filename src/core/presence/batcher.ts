// Ingests channel messages together: one classifier call and a few SQL statements per batch
// instead of per message. A batch is stored at once when nothing is being stored for its
// workspace; while one is, the messages that arrive meanwhile collect and go as the next batch
// the moment it is done (group commit). A quiet workspace therefore waits for no timer, and a
// busy one gets batches as large as its arrival rate times one store — the faster the database,
// the smaller the batches, and never more than one batch per workspace in flight, so a retry
// of an event always finds the batch that stored its first delivery already recorded.
import type { Workspace } from "../shared/model.js";
import type { ChannelMessage } from "./ports.js";
import type { PresenceService } from "./service.js";

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Batch {
  workspace: Workspace;
  messages: ChannelMessage[];
  waiters: Waiter[];
}

export class IngestBatcher {
  /** Per workspace: the messages collected for the next batch. */
  private readonly collecting = new Map<string, Batch>();
  /** Per workspace: the batch being stored now, settled (never rejected) when it is done. */
  private readonly storing = new Map<string, Promise<void>>();

  constructor(
    private readonly presence: Pick<PresenceService, "ingest">,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves once the message is stored (or rejects with its batch's error). */
  add(workspace: Workspace, message: ChannelMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const batch = this.collect(workspace);
      batch.messages.push(message);
      batch.waiters.push({ resolve, reject });
    });
  }

  /**
   * Resolves once everything added for the workspace so far is stored (or failed): a delete
   * must not overtake the message it removes.
   */
  flushWorkspace(workspaceId: string): Promise<void> {
    const batch = this.collecting.get(workspaceId);
    if (batch) return new Promise((resolve) => batch.waiters.push({ resolve, reject: () => resolve() }));
    return this.storing.get(workspaceId) ?? Promise.resolve();
  }

  /** Stores whatever is waiting now (at shutdown). */
  async drain(): Promise<void> {
    await Promise.all(
      [...new Set([...this.collecting.keys(), ...this.storing.keys()])].map((id) => this.flushWorkspace(id)),
    );
  }

  private collect(workspace: Workspace): Batch {
    const batch = this.collecting.get(workspace.id);
    if (batch && batch.messages.length < this.maxBatch) return batch;
    if (batch) this.collecting.delete(workspace.id); // full: it goes as it is, a new one collects behind it
    const next: Batch = { workspace, messages: [], waiters: [] };
    this.collecting.set(workspace.id, next);
    // Starts after the one in flight (if any), and not before this turn of the event loop is
    // over, so that requests read in the same turn share the batch.
    const previous = this.storing.get(workspace.id) ?? new Promise<void>((resolve) => setImmediate(resolve));
    const stored = previous.then(() => this.store(next));
    this.storing.set(workspace.id, stored);
    void stored.then(() => {
      if (this.storing.get(workspace.id) === stored) this.storing.delete(workspace.id);
    });
    return next;
  }

  private async store(batch: Batch): Promise<void> {
    if (this.collecting.get(batch.workspace.id) === batch) this.collecting.delete(batch.workspace.id);
    try {
      if (batch.messages.length > 0) await this.presence.ingest(batch.workspace, batch.messages);
      for (const w of batch.waiters) w.resolve();
    } catch (error) {
      for (const w of batch.waiters) w.reject(error as Error);
    }
  }
}
