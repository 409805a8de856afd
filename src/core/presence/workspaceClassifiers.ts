// Each workspace's classifiers, built with its vocabulary and kept: building one with thousands
// of terms takes a noticeable fraction of a second, classifying with it microseconds. An entry
// is rebuilt when the stored vocabulary version moves — at once for a change made through this
// process, and within `ttlMs` for one made on another replica (only then is the version read
// again: one primary-key read per workspace per TTL, not one per message).
import type { Clock } from "../shared/ports.js";
import type { PresenceClassifier } from "./classifier.js";
import type { IndustryPreset } from "./vocabulary.js";
import { EMPTY_VOCABULARY, type VocabularyStore, type WorkspaceVocabulary } from "./workspaceVocabulary.js";

/** What a classifier is built with. */
export interface ClassifierVocabulary {
  industry?: IndustryPreset;
  terms?: readonly string[];
}

/** Builds the built-in classifier for a vocabulary (createBuiltinClassifier). */
export type BuiltinFactory = (vocabulary: ClassifierVocabulary) => PresenceClassifier;
/** Builds the LLM classifier for a vocabulary, with `fallback` behind it for every batch it fails on. */
export type LlmFactory = (vocabulary: ClassifierVocabulary, fallback: PresenceClassifier) => PresenceClassifier;

export interface WorkspaceClassifierSet {
  builtin: PresenceClassifier;
  llm: PresenceClassifier | null;
  vocabulary: WorkspaceVocabulary;
}

interface Entry {
  version: number;
  checkedAt: number;
  set: Promise<WorkspaceClassifierSet>;
}

export interface WorkspaceClassifiersOptions {
  store: VocabularyStore;
  clock: Clock;
  builtin: BuiltinFactory;
  llm: LlmFactory | null;
  /** How long a replica trusts its copy before reading the version again. */
  ttlMs?: number;
  /** Workspaces kept at most; the least recently used goes first. */
  maxEntries?: number;
}

export const VOCABULARY_TTL_MS = 15_000;

export class WorkspaceClassifiers {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  /** The classifiers of a workspace without a vocabulary: one shared set. */
  private plain: WorkspaceClassifierSet | null = null;

  constructor(private readonly options: WorkspaceClassifiersOptions) {
    this.ttlMs = options.ttlMs ?? VOCABULARY_TTL_MS;
    this.maxEntries = options.maxEntries ?? 2_000;
  }

  /** Forgets a workspace's classifiers (its vocabulary changed here): the next call rebuilds them. */
  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }

  async for(workspaceId: string): Promise<WorkspaceClassifierSet> {
    const now = this.options.clock().getTime();
    const entry = this.entries.get(workspaceId);
    if (entry && now - entry.checkedAt < this.ttlMs) return this.touch(workspaceId, entry).set;
    if (entry) {
      const version = await this.options.store.vocabularyVersion(workspaceId);
      if (version === entry.version) {
        entry.checkedAt = now;
        return this.touch(workspaceId, entry).set;
      }
    }
    return this.load(workspaceId, now);
  }

  private load(workspaceId: string, now: number): Promise<WorkspaceClassifierSet> {
    const set = this.options.store.getVocabulary(workspaceId).then((vocabulary) => {
      const current = this.entries.get(workspaceId);
      if (current?.set === set) current.version = vocabulary.version;
      return this.build(vocabulary);
    });
    // Concurrent batches of the same workspace share one build; a failed load is not kept.
    const entry: Entry = { version: -1, checkedAt: now, set };
    set.catch(() => {
      if (this.entries.get(workspaceId) === entry) this.entries.delete(workspaceId);
    });
    this.touch(workspaceId, entry);
    return set;
  }

  private build(vocabulary: WorkspaceVocabulary): WorkspaceClassifierSet {
    const empty = vocabulary.industry === null && vocabulary.terms.length === 0;
    if (empty && this.plain) return { ...this.plain, vocabulary };
    const spec: ClassifierVocabulary = {
      ...(vocabulary.industry ? { industry: vocabulary.industry } : {}),
      ...(vocabulary.terms.length ? { terms: vocabulary.terms } : {}),
    };
    const builtin = this.options.builtin(spec);
    const set = { builtin, llm: this.options.llm ? lazyLlm(this.options.llm, spec, builtin) : null, vocabulary };
    if (empty) this.plain = { ...set, vocabulary: EMPTY_VOCABULARY };
    return set;
  }

  private touch(workspaceId: string, entry: Entry): Entry {
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

/**
 * The LLM classifier, made on first use: most workspaces never switch it on, and making it
 * indexes the terms a second time (for the prompt).
 */
function lazyLlm(factory: LlmFactory, spec: ClassifierVocabulary, fallback: PresenceClassifier): PresenceClassifier {
  let made: PresenceClassifier | null = null;
  const get = () => (made ??= factory(spec, fallback));
  return {
    get name() {
      return get().name;
    },
    classify: (texts) => get().classify(texts),
  };
}
