// The literal prefilter may only ever skip a pattern that cannot match: checked on small
// patterns by hand, and on every pattern of the lexicons against every message of the training
// corpus (its flat and its prepared text), where a skipped match would change a result.
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../scripts/lib/presenceCorpus.js";
import { analyseCustomer } from "../../../src/core/presence/builtinClassifier.js";
import * as lexicon from "../../../src/core/presence/lexicon.js";
import { LiteralScan } from "../../../src/core/presence/literalScan.js";
import * as namedLexicon from "../../../src/core/presence/namedLexicon.js";
import { requiredLiterals } from "../../../src/core/presence/regexLiterals.js";
import * as toneLexicon from "../../../src/core/presence/toneLexicon.js";

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
    const patterns = [lexicon, namedLexicon, toneLexicon].flatMap((m) =>
      Object.values(m).filter((v): v is RegExp => v instanceof RegExp && !v.global && !v.sticky),
    );
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
