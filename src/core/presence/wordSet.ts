// Lists of words and word stems ("nervig*" matches nervig, nervige, nerviger...) that answer
// "is this token in the list, and in which?" with one hash lookup plus a few prefix
// comparisons, instead of running an alternation regex over every token of every message.

/** Words and stems, each with a value; the first list that names a word wins. */
export class WordMap<V> {
  private readonly exact = new Map<string, V>();
  /** Stems by their first three characters, as one number (no substring per lookup). */
  private readonly stems = new Map<number, [string, V][]>();

  /** Entries are words, or stems ending in "*". */
  constructor(groups: Iterable<readonly [V, readonly string[]]>) {
    for (const [value, entries] of groups) {
      for (const entry of entries) {
        if (!entry.endsWith("*")) {
          if (!this.exact.has(entry)) this.exact.set(entry, value);
          continue;
        }
        const stem = entry.slice(0, -1);
        if (stem.length < 3) throw new Error(`stem "${entry}" is too short to index`);
        const key = prefixKey(stem);
        const list = this.stems.get(key);
        if (list) list.push([stem, value]);
        else this.stems.set(key, [[stem, value]]);
      }
    }
  }

  get(word: string): V | undefined {
    const exact = this.exact.get(word);
    if (exact !== undefined) return exact;
    if (word.length < 3) return undefined;
    const list = this.stems.get(prefixKey(word));
    if (list) for (const [stem, value] of list) if (word.startsWith(stem)) return value;
    return undefined;
  }
}

export class WordSet {
  private readonly map: WordMap<true>;

  constructor(entries: readonly string[]) {
    this.map = new WordMap([[true, entries]]);
  }

  test(word: string): boolean {
    return this.map.get(word) !== undefined;
  }
}

function prefixKey(word: string): number {
  return (word.charCodeAt(0) * 65536 + word.charCodeAt(1)) * 65536 + word.charCodeAt(2);
}
