// Everything a core test needs, wired like src/app.ts wires the real thing, but in memory.

import type { AddressStore, StoredAddress } from "../../../src/core/identity/ports.js";
import { type Core, createCore } from "../../../src/core/index.js";
import type { LlmFactory } from "../../../src/core/presence/workspaceClassifiers.js";
import { createHasher } from "../../../src/core/shared/hash.js";
import { MemoryLogger, type TestClock, testClock, testTimer } from "./basics.js";
import { MemoryCheckInStore } from "./checkins.js";
import { MemoryDashboardStore } from "./dashboard.js";
import { RecordingNudgeMessenger, RecordingPresenceMessenger, RecordingSuggestionMessenger } from "./messengers.js";
import { EmptyMirrorStore, RecordingMirrorMessenger } from "./mirror.js";
import { MemoryOutboxStore } from "./outbox.js";
import { MemoryPresenceStore, MemoryVocabularyStore } from "./presence.js";
import { MemorySuggestionStore } from "./suggestions.js";
import { DEFAULT_SETTINGS, MemoryWorkspaceStore } from "./workspaces.js";

export class MemoryAddressStore implements AddressStore {
  readonly rows = new Map<string, StoredAddress>();
  async save(memberId: string, reference: string): Promise<void> {
    this.rows.set(memberId, { reference, active: true });
  }
  async get(memberId: string): Promise<StoredAddress | null> {
    return this.rows.get(memberId) ?? null;
  }
  async deactivate(memberId: string): Promise<void> {
    const row = this.rows.get(memberId);
    if (row) row.active = false;
  }
}

export interface MemoryCore {
  core: Core;
  time: TestClock;
  /** Simulated real time for waits inside a tick (Retry-After); moves `time` along. */
  timer: ReturnType<typeof testTimer>;
  logger: MemoryLogger;
  workspaces: MemoryWorkspaceStore;
  checkins: MemoryCheckInStore;
  suggestions: MemorySuggestionStore;
  outbox: MemoryOutboxStore;
  presence: MemoryPresenceStore;
  vocabulary: MemoryVocabularyStore;
  dashboard: MemoryDashboardStore;
  senders: {
    nudges: RecordingNudgeMessenger;
    suggestions: RecordingSuggestionMessenger;
    presence: RecordingPresenceMessenger;
    mirror: RecordingMirrorMessenger;
  };
}

export function memoryCore(options: {
  now: string;
  llm?: LlmFactory | null;
  admins?: string[];
  graceMs?: number;
}): MemoryCore {
  const time = testClock(options.now);
  const timer = testTimer(time);
  const logger = new MemoryLogger();
  const workspaces = new MemoryWorkspaceStore();
  const checkins = new MemoryCheckInStore(workspaces, time.clock);
  const suggestions = new MemorySuggestionStore(workspaces, time.clock);
  const outbox = new MemoryOutboxStore(workspaces);
  const presence = new MemoryPresenceStore(workspaces);
  const vocabulary = new MemoryVocabularyStore();
  const dashboard = new MemoryDashboardStore();
  const core = createCore({
    workspaceStore: workspaces,
    checkInStore: checkins,
    addressStore: new MemoryAddressStore(),
    suggestionStore: suggestions,
    outboxStore: outbox,
    presenceStore: presence,
    llmClassifier: options.llm ?? null,
    vocabularyStore: vocabulary,
    dashboardStore: dashboard,
    mirrorStore: new EmptyMirrorStore(),
    mirrorMinResponses: 3,
    publicUrl: () => "http://localhost:3000",
    summarizer: null,
    presenceMinAuthors: 3,
    presenceRetentionWeeks: 26,
    scrubDeleted: async () => true,
    hash: createHasher("memory-core-test"),
    clock: time.clock,
    timer,
    logger,
    nudgeGraceMs: options.graceMs ?? 6 * 3600_000,
    defaults: DEFAULT_SETTINGS,
    admins: options.admins ?? [],
  });
  const senders = {
    nudges: new RecordingNudgeMessenger(),
    suggestions: new RecordingSuggestionMessenger(),
    presence: new RecordingPresenceMessenger(),
    mirror: new RecordingMirrorMessenger(),
  };
  core.registerPlatform("slack", senders);
  return {
    core,
    time,
    timer,
    logger,
    workspaces,
    checkins,
    suggestions,
    outbox,
    presence,
    vocabulary,
    dashboard,
    senders,
  };
}
