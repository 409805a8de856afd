// A list of words and word stems ("nervig*" matches nervig, nervige, nerviger...) that answers
// "is this token in the list?" with one hash lookup plus a few prefix comparisons, instead of
// running an alternation regex over every token of every message.

export class WordSet {
  private readonly exact = new Set<string>();
  /** Stems by their first three characters, as one number (no substring per lookup). */
  private readonly stems = new Map<number, string[]>();

  /** Entries are words, or stems ending in "*". */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      if (!entry.endsWith("*")) {
        this.exact.add(entry);
        continue;
      }
      const stem = entry.slice(0, -1);
      if (stem.length < 3) throw new Error(`stem "${entry}" is too short to index`);
      const key = prefixKey(stem);
      const list = this.stems.get(key);
      if (list) list.push(stem);
      else this.stems.set(key, [stem]);
    }
  }

  test(word: string): boolean {
    if (this.exact.has(word)) return true;
    if (word.length < 3) return false;
    const list = this.stems.get(prefixKey(word));
    if (list) for (const stem of list) if (word.startsWith(stem)) return true;
    return false;
  }
}

function prefixKey(word: string): number {
  return (word.charCodeAt(0) * 65536 + word.charCodeAt(1)) * 65536 + word.charCodeAt(2);
}
