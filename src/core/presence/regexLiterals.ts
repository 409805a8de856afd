// Required literals of a regular expression: a set of strings such that every match of the
// pattern contains at least one of them. If a text contains none, the pattern cannot match it,
// so the pattern need not run at all. Most cue patterns in the lexicons are long alternations
// of phrases (" (?:unser fehler|that's on us|...)(?= )") and most messages contain none of
// their words: one scan for all literals (literalScan.ts) replaces a dozen regex runs.
//
// The analysis is conservative: lookarounds, anchors and word boundaries count as matching
// nothing (they only constrain, so ignoring them can only keep more texts), character classes
// as any character unless they list a few plain characters, and anything this small parser
// does not know (backreferences, flags other than g/u/y) gives up — the pattern then always
// runs. A wrong answer here could only ever skip a pattern that matches, so the golden record
// (tests/core/presence/classifier.golden.tsv) and the unit tests check it on real patterns.

/** What is known about the strings a piece of a pattern matches. */
interface Info {
  /** Every string it can match, when few and known; null otherwise. */
  exact: Set<string> | null;
  /** Every match contains one of these ("" in the set means: nothing is known). */
  req: Set<string>;
}

const MAX_EXACT = 64;
const ANY: Info = { exact: null, req: new Set([""]) };
const EMPTY = (): Info => ({ exact: new Set([""]), req: new Set([""]) });
const exactly = (s: Set<string>): Info => ({ exact: s, req: s });

class Unsupported extends Error {}

/** The smallest meaningful member length of a requirement (0 when it says nothing). */
function strength(set: Set<string>): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min === Infinity ? 0 : min;
}

function better(a: Set<string>, b: Set<string>): Set<string> {
  const sa = strength(a);
  const sb = strength(b);
  if (sa !== sb) return sa > sb ? a : b;
  return a.size <= b.size ? a : b;
}

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function sequence(items: Info[]): Info {
  let run: Set<string> | null = new Set([""]);
  let best: Set<string> = new Set([""]);
  let allExact = true;
  for (const item of items) {
    if (item.exact) {
      const joined: Set<string> | null = run ? cross(run, item.exact) : null;
      if (joined) run = joined;
      else {
        // too many combinations: close the run, start a new one with this item
        if (run) best = better(best, run);
        run = item.exact;
        allExact = false;
      }
      continue;
    }
    allExact = false;
    if (run) best = better(best, run);
    run = new Set([""]);
    best = better(best, item.req);
  }
  if (run) best = better(best, run);
  if (allExact && run) return exactly(run);
  return { exact: null, req: best };
}

function alternation(alts: Info[]): Info {
  if (alts.length === 1) return alts[0]!;
  const exact = new Set<string>();
  let allExact = true;
  for (const a of alts) {
    if (!a.exact || exact.size + a.exact.size > MAX_EXACT) {
      allExact = false;
      break;
    }
    for (const s of a.exact) exact.add(s);
  }
  if (allExact) return exactly(exact);
  const req = new Set<string>();
  for (const a of alts) {
    const r = a.exact ?? a.req;
    for (const s of r) {
      if (s === "") return ANY;
      req.add(s);
    }
  }
  return { exact: null, req };
}

function repeat(x: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return x;
  if (min === 0) {
    if (max === 1 && x.exact && x.exact.size < MAX_EXACT) return exactly(new Set(["", ...x.exact]));
    return ANY;
  }
  // at least once: whatever one occurrence requires
  return { exact: null, req: x.exact ?? x.req };
}

/** A recursive-descent parser for the pattern syntax of the lexicons (unicode mode). */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternatives();
    if (this.i !== this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return info;
  }

  private alternatives(): Info {
    const alts = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alternation(alts);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return sequence(items);
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === "*" || c === "+" || c === "?") {
      min = c === "+" ? 1 : 0;
      max = c === "?" ? 1 : Infinity;
      this.i++;
    } else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/u.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported("brace");
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length;
    } else return atom;
    if (this.src[this.i] === "?") this.i++; // lazy: the same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const src = this.src;
    const c = src[this.i]!;
    if (c === "(") {
      this.i++;
      let lookaround = false;
      if (src.startsWith("?:", this.i)) this.i += 2;
      else if (src.startsWith("?=", this.i) || src.startsWith("?!", this.i)) {
        this.i += 2;
        lookaround = true;
      } else if (src.startsWith("?<=", this.i) || src.startsWith("?<!", this.i)) {
        this.i += 3;
        lookaround = true;
      } else if (src.startsWith("?<", this.i)) {
        const end = src.indexOf(">", this.i);
        if (end < 0) throw new Unsupported("group name");
        this.i = end + 1;
      } else if (src[this.i] === "?") throw new Unsupported("group kind");
      const inner = this.alternatives();
      if (src[this.i] !== ")") throw new Unsupported("unclosed group");
      this.i++;
      return lookaround ? EMPTY() : inner;
    }
    if (c === "[") return this.charClass();
    if (c === "." || c === "^" || c === "$") {
      this.i++;
      return c === "." ? ANY : EMPTY();
    }
    if (c === "\\") return this.escape();
    if (c === ")" || c === "|" || c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") {
      throw new Unsupported(`stray ${c}`);
    }
    const cp = src.codePointAt(this.i)!;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return exactly(new Set([ch]));
  }

  /** An escape outside a class: a literal character, a class of characters, or a boundary. */
  private escape(): Info {
    const lit = this.escapedChar();
    if (lit === null) return ANY;
    if (lit === "") return EMPTY();
    return exactly(new Set([lit]));
  }

  /** The character an escape stands for; null for a class (\s, \p{L}); "" for \b and \B. */
  private escapedChar(): string | null {
    const src = this.src;
    this.i++; // the backslash
    const c = src[this.i]!;
    this.i++;
    if (c === "b" || c === "B") return "";
    if ("sSdDwW".includes(c)) return null;
    if (c === "p" || c === "P") {
      const end = src.indexOf("}", this.i);
      if (src[this.i] !== "{" || end < 0) throw new Unsupported("property");
      this.i = end + 1;
      return null;
    }
    if (c === "n") return "\n";
    if (c === "t") return "\t";
    if (c === "r") return "\r";
    if (c === "u") {
      const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/u.exec(src.slice(this.i));
      if (!m) throw new Unsupported("\\u");
      this.i += m[0].length;
      return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
    }
    if (c === "x") {
      const hex = src.slice(this.i, this.i + 2);
      if (!/^[0-9a-fA-F]{2}$/u.test(hex)) throw new Unsupported("\\x");
      this.i += 2;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (/[0-9kcfv0]/u.test(c)) throw new Unsupported(`\\${c}`);
    return c; // an escaped punctuation character stands for itself
  }

  private charClass(): Info {
    const src = this.src;
    this.i++; // [
    const negated = src[this.i] === "^";
    if (negated) this.i++;
    const chars = new Set<string>();
    let known = !negated;
    while (this.i < src.length && src[this.i] !== "]") {
      if (src[this.i] === "\\") {
        const ch = this.escapedChar();
        if (ch === null || ch === "") known = false;
        else chars.add(ch);
        continue;
      }
      const cp = src.codePointAt(this.i)!;
      const ch = String.fromCodePoint(cp);
      this.i += ch.length;
      // a range (a-z) is too many characters to list
      if (src[this.i] === "-" && src[this.i + 1] !== "]") {
        known = false;
        this.i++;
        if (src[this.i] === "\\") this.escapedChar();
        else this.i += String.fromCodePoint(src.codePointAt(this.i)!).length;
        continue;
      }
      chars.add(ch);
    }
    if (src[this.i] !== "]") throw new Unsupported("unclosed class");
    this.i++;
    return known && chars.size > 0 && chars.size <= 8 ? exactly(chars) : ANY;
  }
}

/**
 * Strings of which every match of `re` contains at least one, or null when nothing useful is
 * known (the pattern must then always run).
 */
export function requiredLiterals(re: RegExp): string[] | null {
  if (/[^guy]/u.test(re.flags) || !re.flags.includes("u")) return null;
  let info: Info;
  try {
    info = new Parser(re.source).parse();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const set = info.exact ?? info.req;
  if (set.size === 0 || strength(set) === 0) return null;
  // a member containing another member adds nothing: drop it
  const list = [...set].sort((a, b) => a.length - b.length);
  return list.filter((s, k) => !list.slice(0, k).some((t) => s.includes(t)));
}
