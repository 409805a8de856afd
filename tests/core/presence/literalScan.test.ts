// The literal prefilter may only ever skip a pattern that cannot match: checked on small
// patterns by hand, and on every pattern of the lexicons against every message of the training
// corpus (its flat and its prepared text), where a skipped match would change a result.
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../scripts/lib/presenceCorpus.js";
import { analyseCustomer } from "../../../src/core/presence/builtinClassifier.js";
import * as lexicon from "../../../src/core/presence/lexicon.js";
import { LiteralScan, TokenLiteralScan, tokenPieces } from "../../../src/core/presence/literalScan.js";
import * as namedLexicon from "../../../src/core/presence/namedLexicon.js";
import { requiredLiterals } from "../../../src/core/presence/regexLiterals.js";
import * as toneLexicon from "../../../src/core/presence/toneLexicon.js";
import { factsOf } from "../../../src/core/presence/wordFacts.js";

const lexiconPatterns = (): RegExp[] =>
  [lexicon, namedLexicon, toneLexicon].flatMap((m) =>
    Object.values(m).filter((v): v is RegExp => v instanceof RegExp && !v.global && !v.sticky),
  );

describe("requiredLiterals", () => {
  it("finds the words every match contains", () => {
    expect(requiredLiterals(/ (?:foo|bar)(?= )/u)?.sort()).toEqual([" bar", " foo"]);
    expect(requiredLiterals(/ (?:unser(?:e)? fehler|my bad)(?= )/u)?.sort()).toEqual([
      " my bad",
      " unser fehler",
      " unsere fehler",
    ]);
    // an optional or repeated piece is skipped, the fixed word after it is required
    expect(requiredLiterals(/(?:\S+ ){0,2}(?:auf|an) uns/u)).toEqual(["an uns", "auf uns"]);
    expect(requiredLiterals(/typisch\p{L}*/u)).toEqual(["typisch"]);
    expect(requiredLiterals(/(?<!nicht )schuld/u)).toEqual(["schuld"]);
  });

  it("gives up where it cannot be sure", () => {
    expect(requiredLiterals(/kunde/iu)).toBeNull(); // case-insensitive
    expect(requiredLiterals(/(a)\1/u)).toBeNull(); // backreference
    expect(requiredLiterals(/\p{L}+/u)).toBeNull(); // no literal at all
    expect(requiredLiterals(/foo|\S+/u)).toBeNull(); // one alternative requires nothing
    expect(requiredLiterals(/kunde/)).toBeNull(); // not unicode mode: not analysed
  });
});

describe("LiteralScan", () => {
  it("tells which patterns can match, text by text", () => {
    const a = / (?:na toll|oh great)(?= )/u;
    const b = /(?:^|\s)(?::-?\)|<3)(?=\s|$)/u;
    const free = /\p{Lu}\p{Ll}+/u;
    const scan = new LiteralScan([a, b, free]);
    scan.scan(" na toll , wieder down ");
    expect([scan.may(a), scan.may(b), scan.may(free)]).toEqual([true, false, true]);
    scan.scan("danke <3");
    expect([scan.may(a), scan.may(b), scan.may(free)]).toEqual([false, true, true]);
    scan.scan("");
    expect([scan.may(a), scan.may(b)]).toEqual([false, false]);
  });

  it("never rules out a lexicon pattern that matches a corpus message", () => {
    const patterns = lexiconPatterns();
    expect(patterns.length).toBeGreaterThan(50);
    const scan = new LiteralScan(patterns);
    const missed: string[] = [];
    let matches = 0;
    for (const row of readCorpus()) {
      const a = analyseCustomer(row.text);
      if (!a) continue;
      for (const text of [a.msg.flat, a.prepared, ...a.msg.w]) {
        scan.scan(text);
        for (const re of patterns) {
          if (!re.test(text)) continue;
          matches++;
          if (!scan.may(re)) missed.push(`${re.source.slice(0, 30)} in ${text.slice(0, 60)}`);
        }
      }
    }
    expect(matches).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  }, 60_000);
});

describe("TokenLiteralScan", () => {
  const tokens = (text: string) => text.split(" ").filter((w) => w !== "");

  it("keeps the pieces of a literal that lie within one token or end and start two", () => {
    expect(tokenPieces(" na toll")).toEqual([" na ", " toll"]);
    expect(tokenPieces(" unser fehler")).toEqual([" unser ", " fehler"]);
    expect(tokenPieces("on us")).toEqual(["on ", " us"]);
    expect(tokenPieces(" at the site ")).toEqual([" the ", " site "]);
    expect(tokenPieces("typisch")).toEqual(["typisch"]);
    expect(tokenPieces(" halt . ")).toEqual([" halt ", " . "]);
    expect(tokenPieces("  ")).toBeNull();
  });

  it("tells which patterns can match a token text, by its tokens", () => {
    const a = / (?:na toll|oh great)(?= )/u;
    const b = / <c> halt(?= )/u;
    const free = /\p{L}+/u;
    const scan = new TokenLiteralScan([a, b, free]);
    const words = tokens("na toll , wieder down");
    scan.scan(words.map(factsOf));
    expect([scan.may(a), scan.may(b), scan.may(free)]).toEqual([true, false, true]);
    // "great" must start a token; "toll" inside "stollen" does not count
    scan.scan(tokens("ungreat stollen").map(factsOf));
    expect([scan.may(a), scan.may(b)]).toEqual([false, false]);
    // a replaced token reads as its stand-in
    const kunden = tokens("die kunden halt");
    scan.scan(kunden.map(factsOf), [false, true, false], "<c>");
    expect(scan.may(b)).toBe(true);
    scan.scan([]);
    expect([scan.may(a), scan.may(b), scan.may(free)]).toEqual([false, false, true]);
  });

  it("never rules out a lexicon pattern that matches a corpus message's token text", () => {
    const patterns = lexiconPatterns();
    // a token scan takes up to 30 patterns
    const scans = new Map<RegExp, TokenLiteralScan>();
    for (let k = 0; k < patterns.length; k += 30) {
      const group = patterns.slice(k, k + 30);
      const scan = new TokenLiteralScan(group);
      for (const re of group) scans.set(re, scan);
    }
    const missed: string[] = [];
    let matches = 0;
    for (const row of readCorpus()) {
      const a = analyseCustomer(row.text);
      if (!a) continue;
      // the plain token text, and the one with customers as people read as "<c>"
      const person = ` ${a.msg.w.map((w, i) => (a.msg.person[i] ? "<c>" : w)).join(" ")} `;
      for (const [text, replaced] of [
        [a.msg.flat, undefined],
        [person, a.msg.person],
      ] as const) {
        for (const scan of new Set(scans.values())) scan.scan(a.msg.facts, replaced, "<c>");
        for (const re of patterns) {
          if (!re.test(text)) continue;
          matches++;
          if (!scans.get(re)!.may(re)) missed.push(`${re.source.slice(0, 30)} in ${text.slice(0, 60)}`);
        }
      }
    }
    expect(matches).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  }, 60_000);
});
