// The ingest batcher's order of work: a batch starts as soon as nothing is being stored for its
// workspace, what arrives meanwhile goes as the next batch, never two at once per workspace,
// and a flush waits for everything added before it.
import { describe, expect, it } from "vitest";
import { IngestBatcher } from "../../../src/core/presence/batcher.js";
import type { ChannelMessage } from "../../../src/core/presence/ports.js";
import type { Workspace } from "../../../src/core/shared/model.js";

const workspace = (id: string) => ({ id }) as Workspace;
const message = (ref: string): ChannelMessage => ({
  channelRef: "C1",
  messageRef: ref,
  authorId: "U1",
  text: "",
  at: new Date(0),
});

/** A presence service whose ingest calls finish only when the test says so. */
function controlledIngest() {
  const calls: { workspaceId: string; refs: string[]; finish: (error?: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const presence = {
    ingest: (ws: Workspace, messages: ChannelMessage[]) =>
      new Promise<number>((resolve, reject) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls.push({
          workspaceId: ws.id,
          refs: messages.map((m) => m.messageRef),
          finish: (error) => {
            inFlight--;
            if (error) reject(error);
            else resolve(messages.length);
          },
        });
      }),
  };
  return { presence, calls, maxInFlight: () => maxInFlight };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("IngestBatcher", () => {
  it("stores the messages of one turn together, and those that arrive meanwhile as the next batch", async () => {
    const { presence, calls, maxInFlight } = controlledIngest();
    const batcher = new IngestBatcher(presence);
    const ws = workspace("W1");
    const first = [batcher.add(ws, message("1")), batcher.add(ws, message("2"))];
    await turn();
    expect(calls.map((c) => c.refs)).toEqual([["1", "2"]]);

    const second = [batcher.add(ws, message("3")), batcher.add(ws, message("4"))];
    await turn();
    expect(calls).toHaveLength(1); // the first batch is still being stored

    calls[0]!.finish();
    await Promise.all(first);
    await turn();
    expect(calls.map((c) => c.refs)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    calls[1]!.finish();
    await Promise.all(second);
    expect(maxInFlight()).toBe(1);
  });

  it("stores different workspaces side by side", async () => {
    const { presence, calls } = controlledIngest();
    const batcher = new IngestBatcher(presence);
    const done = [batcher.add(workspace("W1"), message("a")), batcher.add(workspace("W2"), message("b"))];
    await turn();
    expect(calls.map((c) => c.workspaceId).sort()).toEqual(["W1", "W2"]);
    for (const c of calls) c.finish();
    await Promise.all(done);
  });

  it("rejects the waiters of a failed batch only, and goes on with the next", async () => {
    const { presence, calls } = controlledIngest();
    const batcher = new IngestBatcher(presence);
    const ws = workspace("W1");
    const failed = batcher.add(ws, message("1"));
    await turn();
    const next = batcher.add(ws, message("2"));
    calls[0]!.finish(new Error("database is locked"));
    await expect(failed).rejects.toThrow("database is locked");
    await turn();
    calls[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });

  it("starts a new batch behind a full one", async () => {
    const { presence, calls } = controlledIngest();
    const batcher = new IngestBatcher(presence, 2);
    const ws = workspace("W1");
    const done = ["1", "2", "3"].map((ref) => batcher.add(ws, message(ref)));
    await turn();
    expect(calls.map((c) => c.refs)).toEqual([["1", "2"]]);
    calls[0]!.finish();
    await turn();
    await turn();
    expect(calls.map((c) => c.refs)).toEqual([["1", "2"], ["3"]]);
    calls[1]!.finish();
    await Promise.all(done);
  });

  it("flushWorkspace resolves only once everything added before it is stored", async () => {
    const { presence, calls } = controlledIngest();
    const batcher = new IngestBatcher(presence);
    const ws = workspace("W1");
    const stored: string[] = [];
    void batcher.add(ws, message("1")).then(() => stored.push("1"));
    await turn();
    void batcher.add(ws, message("2")).then(() => stored.push("2"));
    let flushed = false;
    const flush = batcher.flushWorkspace("W1").then(() => (flushed = true));
    calls[0]!.finish();
    await turn();
    await turn();
    expect(flushed).toBe(false); // "2" is still being stored
    calls[1]!.finish();
    await flush;
    expect(stored).toEqual(["1", "2"]);
    await batcher.flushWorkspace("W1"); // nothing left: resolves at once
  });
});
