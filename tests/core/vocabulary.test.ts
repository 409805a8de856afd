// The vocabulary rules in the core, with an in-memory store: parsing the admin commands, the
// checks on terms, concurrent changes that must both land, and the per-workspace classifier
// cache (one build per vocabulary version; another replica's change noticed after the TTL).
import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "../../src/core/admin/commands.js";
import type { PresenceClassifier } from "../../src/core/presence/classifier.js";
import { type ClassifierVocabulary, WorkspaceClassifiers } from "../../src/core/presence/workspaceClassifiers.js";
import {
  EMPTY_VOCABULARY,
  MAX_WORKSPACE_TERMS,
  VocabularyService,
  type VocabularyStore,
  type WorkspaceVocabulary,
} from "../../src/core/presence/workspaceVocabulary.js";

/** A store like the Prisma one: whole-row writes guarded by the version they were based on. */
class MemoryVocabularyStore implements VocabularyStore {
  rows = new Map<string, WorkspaceVocabulary>();
  versionReads = 0;
  fullReads = 0;
  /** Runs once between a read and the next write: another writer landing first. */
  beforeNextSave: (() => Promise<void>) | null = null;

  async vocabularyVersion(id: string) {
    this.versionReads++;
    return this.rows.get(id)?.version ?? 0;
  }
  async getVocabulary(id: string) {
    this.fullReads++;
    const row = this.rows.get(id);
    return row ? { ...row, terms: [...row.terms] } : EMPTY_VOCABULARY;
  }
  async saveVocabulary(id: string, basedOn: number, next: Pick<WorkspaceVocabulary, "industry" | "terms">, at: Date) {
    const hook = this.beforeNextSave;
    this.beforeNextSave = null;
    await hook?.();
    if ((this.rows.get(id)?.version ?? 0) !== basedOn) return false;
    this.rows.set(id, { industry: next.industry, terms: [...next.terms], version: basedOn + 1, changedAt: at });
    return true;
  }
}

describe("parsing the vocabulary commands", () => {
  it("reads industries, clearing words and unknown names", () => {
    expect(parseAdminCommand("presence industry Transport", [])).toEqual({
      kind: "presence-industry",
      industry: "transport",
    });
    expect(parseAdminCommand("presence industry legal-tax", [])).toEqual({
      kind: "presence-industry",
      industry: "legal-tax",
    });
    for (const word of ["none", "off", "clear", "keine"])
      expect(parseAdminCommand(`presence industry ${word}`, [])).toEqual({ kind: "presence-industry", industry: null });
    expect(parseAdminCommand("presence industry aviation", [])).toEqual({
      kind: "presence-industry-unknown",
      name: "aviation",
    });
    expect(parseAdminCommand("presence industry", [])).toEqual({ kind: "usage", topic: "industry" });
  });

  it("keeps terms as typed: quotes, commas inside quotes, inner spacing collapsed, duplicates once", () => {
    expect(parseAdminCommand('presence terms add Fahrgast, "Stadtwerke Nord"', [])).toEqual({
      kind: "presence-terms-add",
      terms: ["Fahrgast", "Stadtwerke Nord"],
    });
    expect(parseAdminCommand('presence  terms  add  "Müller, Schmidt & Partner" ,  Acme   AG, acme ag', [])).toEqual({
      kind: "presence-terms-add",
      terms: ["Müller, Schmidt & Partner", "Acme AG"],
    });
    expect(parseAdminCommand("presence terms remove Fahrgast", [])).toEqual({
      kind: "presence-terms-remove",
      terms: ["Fahrgast"],
    });
    expect(parseAdminCommand("presence terms list", [])).toEqual({ kind: "presence-terms-list" });
    expect(parseAdminCommand("presence terms", [])).toEqual({ kind: "presence-terms-list" });
    expect(parseAdminCommand("presence terms add", [])).toEqual({
      kind: "presence-terms-invalid",
      problem: "empty",
      verb: "add",
    });
    expect(parseAdminCommand('presence terms add "Acme', [])).toEqual({
      kind: "presence-terms-invalid",
      problem: "unclosed-quote",
      verb: "add",
    });
    expect(parseAdminCommand("presence terms rename a b", [])).toEqual({ kind: "usage", topic: "terms" });
  });
});

describe("VocabularyService", () => {
  const clock = () => new Date("2026-11-24T10:00:00Z");

  it("checks each term and the workspace limit, and changes nothing when one fails", async () => {
    const store = new MemoryVocabularyStore();
    const service = new VocabularyService(store, clock);
    expect(await service.addTerms("w", ["Acme", "x"])).toEqual({
      ok: false,
      problem: { kind: "too-short", term: "x" },
    });
    expect(await service.addTerms("w", ["Acme", "—"])).toEqual({
      ok: false,
      problem: { kind: "no-letters", term: "—" },
    });
    expect(await service.addTerms("w", ["Acme", "a".repeat(201)])).toMatchObject({
      ok: false,
      problem: { kind: "too-long" },
    });
    expect(await service.addTerms("w", [" ", ""])).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(store.rows.size).toBe(0);
    const full = Array.from({ length: MAX_WORKSPACE_TERMS }, (_, k) => `Account ${k}`);
    expect((await service.addTerms("w", full, Infinity)).ok).toBe(true);
    expect(await service.addTerms("w", ["One More"])).toEqual({
      ok: false,
      problem: { kind: "workspace-full", current: MAX_WORKSPACE_TERMS, adding: 1 },
    });
  });

  it("lands two concurrent changes instead of losing one, and writes nothing for no change", async () => {
    const store = new MemoryVocabularyStore();
    const here = new VocabularyService(store, clock);
    const elsewhere = new VocabularyService(store, clock); // another replica
    const told: string[] = [];
    here.onChange((id) => told.push(id));
    await here.addTerms("w", ["Acme"]);
    // While `here` is between reading and writing, the other replica adds a term first.
    store.beforeNextSave = async () => void (await elsewhere.addTerms("w", ["Zorblax"]));
    await here.setIndustry("w", "retail");
    expect(store.rows.get("w")).toMatchObject({ industry: "retail", terms: ["Acme", "Zorblax"], version: 3 });
    expect(told).toEqual(["w", "w"]);
    await here.addTerms("w", ["ACME"]);
    await here.removeTerms("w", ["Nobody"]);
    await here.setIndustry("w", "retail");
    expect(store.rows.get("w")!.version).toBe(3);
  });
});

describe("WorkspaceClassifiers", () => {
  function setup(ttlMs = 10_000) {
    const store = new MemoryVocabularyStore();
    let now = Date.parse("2026-11-24T10:00:00Z");
    const builds: ClassifierVocabulary[] = [];
    const builtin = (v: ClassifierVocabulary): PresenceClassifier => {
      builds.push(v);
      return { name: "builtin", classify: async (texts) => texts.map(() => ({ customer: false, tone: null })) };
    };
    const classifiers = new WorkspaceClassifiers({ store, clock: () => new Date(now), builtin, llm: null, ttlMs });
    return { store, classifiers, builds, advance: (ms: number) => (now += ms) };
  }

  it("builds once per vocabulary version and shares one build between concurrent batches", async () => {
    const { store, classifiers, builds } = setup();
    store.rows.set("w", { industry: "b2b", terms: ["Acme"], version: 1, changedAt: new Date() });
    const [a, b] = await Promise.all([classifiers.for("w"), classifiers.for("w")]);
    expect(a.builtin).toBe(b.builtin);
    expect(builds).toEqual([{ industry: "b2b", terms: ["Acme"] }]);
    expect(store.fullReads).toBe(1);
    for (let i = 0; i < 100; i++) await classifiers.for("w");
    expect(builds).toHaveLength(1);
    expect(store.versionReads).toBe(0); // within the TTL nothing is read at all
  });

  it("notices another replica's change after the TTL with a version read, and rebuilds only then", async () => {
    const { store, classifiers, builds, advance } = setup(10_000);
    store.rows.set("w", { industry: null, terms: ["Acme"], version: 1, changedAt: new Date() });
    await classifiers.for("w");
    store.rows.set("w", { industry: null, terms: ["Acme", "Zorblax"], version: 2, changedAt: new Date() });
    advance(9_000);
    expect((await classifiers.for("w")).vocabulary.version).toBe(1);
    advance(2_000);
    expect((await classifiers.for("w")).vocabulary.terms).toEqual(["Acme", "Zorblax"]);
    expect(builds).toHaveLength(2);
    advance(11_000);
    await classifiers.for("w"); // same version: one cheap read, no rebuild
    expect(store.versionReads).toBe(2);
    expect(builds).toHaveLength(2);
  });

  it("rebuilds at once after a change made in this process, and shares one classifier among workspaces without a vocabulary", async () => {
    const { store, classifiers, builds } = setup();
    const service = new VocabularyService(store, () => new Date());
    service.onChange((id) => classifiers.invalidate(id));
    const plainA = await classifiers.for("a");
    const plainB = await classifiers.for("b");
    expect(plainA.builtin).toBe(plainB.builtin);
    expect(builds).toEqual([{}]);
    await service.addTerms("a", ["Zorblax"]);
    expect((await classifiers.for("a")).vocabulary.terms).toEqual(["Zorblax"]);
    expect(builds).toEqual([{}, { terms: ["Zorblax"] }]);
  });
});

describe("vocabulary replies", () => {
  it("stay within what a Slack section holds, however long the terms", async () => {
    const { vocabularyTexts } = await import("../../src/prompts/vocabularyTexts.js");
    const long = Array.from({ length: 50 }, (_, k) => `${"Lange Firmenbezeichnung ".repeat(8)}${k}`);
    for (const language of ["de", "en"] as const) {
      const t = vocabularyTexts(language);
      for (const text of [
        t.termsAdded(long, long, 20_000),
        t.termsRemoved(long, long, 0),
        t.vocabularyList("b2b", long, 20_000),
      ]) {
        expect(text.length).toBeLessThan(3_000);
        expect(text).toContain("(+");
      }
    }
  });
});

describe("the LLM classifier per workspace", () => {
  it("is made only when a workspace first uses it", async () => {
    const store = new MemoryVocabularyStore();
    store.rows.set("w", { industry: null, terms: ["Acme"], version: 1, changedAt: new Date() });
    const made: ClassifierVocabulary[] = [];
    const classifiers = new WorkspaceClassifiers({
      store,
      clock: () => new Date(),
      builtin: () => ({
        name: "builtin",
        classify: async (texts) => texts.map(() => ({ customer: false, tone: null })),
      }),
      llm: (v, fallback) => {
        made.push(v);
        return { name: "llm", classify: (texts) => fallback.classify(texts) };
      },
    });
    const set = await classifiers.for("w");
    expect(made).toEqual([]);
    expect(await set.llm!.classify(["Acme ruft an"])).toEqual([{ customer: false, tone: null }]);
    expect(set.llm!.name).toBe("llm");
    await set.llm!.classify(["noch mal"]);
    expect(made).toEqual([{ terms: ["Acme"] }]);
  });
});
