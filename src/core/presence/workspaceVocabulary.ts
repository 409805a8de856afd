// A workspace's own customer vocabulary — an industry preset and its terms — as admins change
// it (`/cx-admin presence industry …`, `presence terms add …`, `kundennah terms import`). The
// rules live here, the storage behind the VocabularyStore port. Every change is written as a
// whole with the version it was based on, so two admins (or two replicas) changing it at the
// same moment both land instead of one overwriting the other.
import type { Clock } from "../shared/ports.js";
import { MAX_TERM_LENGTH } from "./termsFile.js";
import { type IndustryPreset, isIndustryPreset } from "./vocabulary.js";

/** Terms a workspace may hold: a CRM export of accounts is thousands, not hundreds of thousands. */
export const MAX_WORKSPACE_TERMS = 20_000;
/** Terms one chat command may name (a longer list is an import: `kundennah terms import`). */
export const MAX_TERMS_PER_COMMAND = 50;
/** Shorter terms would match ordinary words ("a", "I"). */
export const MIN_TERM_LENGTH = 2;
export { MAX_TERM_LENGTH };

export interface WorkspaceVocabulary {
  industry: IndustryPreset | null;
  /** As the admins wrote them, in the order added. */
  terms: string[];
  /** 0 for a workspace that never set one; grows with every change. */
  version: number;
  /** When it last changed (null: never); it applies to messages from then on. */
  changedAt: Date | null;
}

export const EMPTY_VOCABULARY: WorkspaceVocabulary = { industry: null, terms: [], version: 0, changedAt: null };

export interface VocabularyStore {
  /** The current version (0 when the workspace has none): a cheap check before reloading. */
  vocabularyVersion(workspaceId: string): Promise<number>;
  getVocabulary(workspaceId: string): Promise<WorkspaceVocabulary>;
  /**
   * Writes `next` as version `basedOn + 1`, only if the stored version is still `basedOn`;
   * false when someone else changed it in between (read again and retry).
   */
  saveVocabulary(
    workspaceId: string,
    basedOn: number,
    next: Pick<WorkspaceVocabulary, "industry" | "terms">,
    at: Date,
  ): Promise<boolean>;
}

/** What is wrong with a list of terms, for a friendly answer. */
export type TermsProblem =
  | { kind: "empty" }
  | { kind: "unclosed-quote" }
  | { kind: "too-many-in-command"; count: number }
  | { kind: "too-long"; term: string }
  | { kind: "too-short"; term: string }
  | { kind: "no-letters"; term: string }
  | { kind: "workspace-full"; current: number; adding: number };

const HAS_WORD = /[\p{L}\p{N}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;

/** The key two spellings of one term share ("acme gmbh" and "ACME GmbH"). */
export const termKey = (term: string): string => term.replace(/\s+/gu, " ").trim().toLocaleLowerCase("de");

/** A term that cannot be one, or null. Whitespace is collapsed by the caller. */
export function termProblem(term: string): TermsProblem | null {
  if (term.length > MAX_TERM_LENGTH) return { kind: "too-long", term };
  if (!HAS_WORD.test(term) || CONTROL.test(term)) return { kind: "no-letters", term };
  if ([...term].length < MIN_TERM_LENGTH) return { kind: "too-short", term };
  return null;
}

export interface VocabularyChange {
  vocabulary: WorkspaceVocabulary;
  /** Terms added (or removed) by this change; the others were there already (or not there). */
  changed: string[];
  unchanged: string[];
  /** For a replacement: the terms that are gone. */
  removed?: string[];
}

export type VocabularyOutcome = { ok: true; change: VocabularyChange } | { ok: false; problem: TermsProblem };

/** How often a change is retried when another one lands first. */
const SAVE_ATTEMPTS = 8;

export class VocabularyService {
  /** Told after each change this process made, so its classifier cache rebuilds at once. */
  private readonly listeners: ((workspaceId: string) => void)[] = [];

  constructor(
    private readonly store: VocabularyStore,
    private readonly clock: Clock,
  ) {}

  onChange(listener: (workspaceId: string) => void): void {
    this.listeners.push(listener);
  }

  get(workspaceId: string): Promise<WorkspaceVocabulary> {
    return this.store.getVocabulary(workspaceId);
  }

  async setIndustry(workspaceId: string, industry: IndustryPreset | null): Promise<WorkspaceVocabulary> {
    const result = await this.modify(workspaceId, (v) => ({
      next: { industry, terms: v.terms },
      changed: [],
      unchanged: [],
    }));
    if (!result.ok) throw new Error("unreachable: setting the industry has no problem case");
    return result.change.vocabulary;
  }

  /** Adds terms (already split); refuses the whole list if one cannot be a term or the workspace would overflow. */
  async addTerms(
    workspaceId: string,
    terms: readonly string[],
    limitPerCall = MAX_TERMS_PER_COMMAND,
  ): Promise<VocabularyOutcome> {
    const cleaned = [
      ...new Map(
        terms
          .map((t) => t.replace(/\s+/gu, " ").trim())
          .filter(Boolean)
          .map((t) => [termKey(t), t]),
      ).values(),
    ];
    if (cleaned.length === 0) return { ok: false, problem: { kind: "empty" } };
    if (cleaned.length > limitPerCall)
      return { ok: false, problem: { kind: "too-many-in-command", count: cleaned.length } };
    for (const term of cleaned) {
      const problem = termProblem(term);
      if (problem) return { ok: false, problem };
    }
    return this.modify(workspaceId, (v) => {
      const have = new Set(v.terms.map(termKey));
      const added = cleaned.filter((t) => !have.has(termKey(t)));
      if (v.terms.length + added.length > MAX_WORKSPACE_TERMS)
        return { problem: { kind: "workspace-full", current: v.terms.length, adding: added.length } };
      const unchanged = cleaned.filter((t) => have.has(termKey(t)));
      return {
        next: added.length ? { industry: v.industry, terms: [...v.terms, ...added] } : v,
        changed: added,
        unchanged,
      };
    });
  }

  /**
   * Makes `terms` the workspace's whole list (a fresh CRM export replacing the last one). The
   * terms are checked like added ones; the outcome's `changed` are the new ones.
   */
  async replaceTerms(workspaceId: string, terms: readonly string[]): Promise<VocabularyOutcome> {
    const cleaned = [
      ...new Map(
        terms
          .map((t) => t.replace(/\s+/gu, " ").trim())
          .filter(Boolean)
          .map((t) => [termKey(t), t]),
      ).values(),
    ];
    if (cleaned.length > MAX_WORKSPACE_TERMS)
      return { ok: false, problem: { kind: "workspace-full", current: 0, adding: cleaned.length } };
    for (const term of cleaned) {
      const problem = termProblem(term);
      if (problem) return { ok: false, problem };
    }
    return this.modify(workspaceId, (v) => {
      const had = new Set(v.terms.map(termKey));
      const keep = new Set(cleaned.map(termKey));
      const next = { industry: v.industry, terms: cleaned };
      // Unchanged when the same set in the same spelling: no new version for nothing.
      const same = cleaned.length === v.terms.length && cleaned.every((t, i) => t === v.terms[i]);
      return same
        ? { next: v, changed: [], unchanged: cleaned }
        : {
            next,
            changed: cleaned.filter((t) => !had.has(termKey(t))),
            unchanged: cleaned.filter((t) => had.has(termKey(t))),
            removed: v.terms.filter((t) => !keep.has(termKey(t))),
          };
    });
  }

  async removeTerms(workspaceId: string, terms: readonly string[]): Promise<VocabularyOutcome> {
    const keys = new Map(
      terms
        .map((t) => t.replace(/\s+/gu, " ").trim())
        .filter(Boolean)
        .map((t) => [termKey(t), t]),
    );
    if (keys.size === 0) return { ok: false, problem: { kind: "empty" } };
    return this.modify(workspaceId, (v) => {
      const removed = v.terms.filter((t) => keys.has(termKey(t)));
      const found = new Set(removed.map(termKey));
      return {
        next: removed.length ? { industry: v.industry, terms: v.terms.filter((t) => !keys.has(termKey(t))) } : v,
        changed: removed,
        unchanged: [...keys].filter(([k]) => !found.has(k)).map(([, t]) => t),
      };
    });
  }

  /**
   * Reads, changes and writes with the version read; when another change landed in between,
   * reads again. A change that changes nothing is not written (the version stays).
   */
  private async modify(
    workspaceId: string,
    change: (current: WorkspaceVocabulary) =>
      | {
          next: Pick<WorkspaceVocabulary, "industry" | "terms">;
          changed: string[];
          unchanged: string[];
          removed?: string[];
        }
      | { problem: TermsProblem },
  ): Promise<VocabularyOutcome> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.getVocabulary(workspaceId);
      const result = change(current);
      if ("problem" in result) return { ok: false, problem: result.problem };
      const same =
        result.next === current || (result.next.industry === current.industry && result.next.terms === current.terms);
      if (same)
        return { ok: true, change: { vocabulary: current, changed: [], unchanged: result.unchanged, removed: [] } };
      const at = this.clock();
      if (await this.store.saveVocabulary(workspaceId, current.version, result.next, at)) {
        for (const listener of this.listeners) listener(workspaceId);
        const vocabulary = { ...result.next, version: current.version + 1, changedAt: at };
        return {
          ok: true,
          change: { vocabulary, changed: result.changed, unchanged: result.unchanged, removed: result.removed ?? [] },
        };
      }
      if (attempt >= SAVE_ATTEMPTS) throw new Error("the vocabulary kept changing while it was being saved; try again");
    }
  }
}

export { type IndustryPreset, isIndustryPreset };
