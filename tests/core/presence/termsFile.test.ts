// The terms-file parser: one name per line or a CSV export, with a count of what was read and
// a line-numbered error for every row that could not be used.
import { describe, expect, it } from "vitest";
import { MAX_TERM_LENGTH, parseTermsFile, splitTermList } from "../../../src/core/presence/termsFile.js";
import { TermMatcher } from "../../../src/core/presence/vocabulary.js";

describe("parseTermsFile: one name per line", () => {
  it("reads names, skipping blank lines and comments, folding duplicates, unquoting", () => {
    const text =
      '\uFEFFFahrgast\r\n\r\n# Großkunden\r\n"Müller, Schmidt & Partner"\r\nfahrgast\r\n  Stadtwerke   Nord  \r\n"Der ""Goldene"" Hirsch"\r\n';
    expect(parseTermsFile(text)).toEqual({
      terms: ["Fahrgast", "Müller, Schmidt & Partner", "Stadtwerke Nord", 'Der "Goldene" Hirsch'],
      format: "list",
      duplicates: 1,
      blank: 1,
      errors: [],
    });
  });

  it("reports malformed rows by line and keeps the rest", () => {
    const text = ["Acme", '"Broken quote', "x".repeat(MAX_TERM_LENGTH + 1), "Bad\u0007Bell", "---", "Initech"].join(
      "\n",
    );
    const result = parseTermsFile(text);
    expect(result.terms).toEqual(["Acme", "Initech"]);
    expect(result.errors).toEqual([
      { line: 2, message: "a quote opened here is not closed at the end of the line" },
      { line: 3, message: `the name is longer than ${MAX_TERM_LENGTH} characters` },
      { line: 4, message: "the name contains control characters or invalid bytes (is the file UTF-8 text?)" },
      { line: 5, message: "the name has no letters or digits" },
    ]);
  });

  it("refuses a binary file as a whole", () => {
    const result = parseTermsFile("PK\u0003\u0004\u0000\u0000binary");
    expect(result.terms).toEqual([]);
    expect(result.fatal).toBe("this looks like a binary file, not a list of names");
  });

  it("reads 10,000 names with duplicates", () => {
    const lines = Array.from({ length: 10_500 }, (_, k) => `Kunde ${k % 10_000}`);
    const result = parseTermsFile(lines.join("\n"));
    expect(result.terms).toHaveLength(10_000);
    expect(result.duplicates).toBe(500);
    expect(result.errors).toEqual([]);
  });
});

describe("parseTermsFile: CSV exports", () => {
  it("finds a name column by its header, with quotes, doubled quotes and line breaks inside fields", () => {
    const text =
      'Account Name,Owner,Notes\n"Hansen & Co, Kiel",Anna,"two\nlines"\nGlobex,Ben,"says ""hi"""\n,Cem,empty name\nGlobex,Dana,dup\n';
    const result = parseTermsFile(text);
    expect(result.format).toBe("csv");
    expect(result.column).toBe("account name");
    expect(result.terms).toEqual(["Hansen & Co, Kiel", "Globex"]);
    expect(result.duplicates).toBe(1);
    expect(result.errors).toEqual([{ line: 5, message: '"account name" is empty' }]);
  });

  it("takes the column the caller names, with semicolons, and reports short rows", () => {
    const text = "Nr;Firma;Ort\n1;Weber AG;Köln\n2\n3;Bäckerei Krause;Bonn\n";
    const result = parseTermsFile(text, { column: "firma" });
    expect(result.terms).toEqual(["Weber AG", "Bäckerei Krause"]);
    expect(result.errors).toEqual([{ line: 3, message: 'only 1 field; "firma" is field 2' }]);
  });

  it("stops at a quote that is never closed, keeping what came before", () => {
    const result = parseTermsFile('Name\nAcme\n"Open,\nInitech\n');
    expect(result.terms).toEqual(["Acme"]);
    expect(result.errors).toEqual([
      { line: 3, message: "a quote opened here is never closed; the rest of the file was not read" },
    ]);
  });

  it("names the columns there are when the requested one is missing", () => {
    expect(parseTermsFile("Name,City\nAcme,Bonn\n", { column: "Company" }).fatal).toBe(
      'no column "Company" in the first line; it has "name", "city"',
    );
  });
});

describe("splitTermList", () => {
  it("splits a typed list on commas outside quotes", () => {
    expect(splitTermList('Fahrgast, "Stadtwerke Nord", „Müller, Schmidt & Partner“ , fahrgast,,')).toEqual({
      terms: ["Fahrgast", "Stadtwerke Nord", "Müller, Schmidt & Partner"],
    });
    expect(splitTermList('Acme, "Open')).toEqual({ terms: [], error: "a quote is never closed" });
  });
});

describe("TermMatcher", () => {
  it("finds the longest term from each position, case-insensitively, with simple inflections", () => {
    const matcher = new TermMatcher(["Stadtwerke Nord", "Stadtwerke", "Acme", "ACME"]);
    expect(matcher.size).toBe(3);
    const words = ["die", "stadtwerke", "nord", "und", "acme's", "team", "stadtwerke", "süd"];
    const found: [number, number, string][] = [];
    matcher.scan(
      words,
      words.map(() => false),
      (from, to, term) => found.push([from, to, term]),
    );
    expect(found).toEqual([
      [1, 2, "Stadtwerke Nord"],
      [4, 4, "Acme"],
      [6, 6, "Stadtwerke"],
    ]);
  });

  it("does not match across punctuation", () => {
    const matcher = new TermMatcher(["Stadtwerke Nord"]);
    const found: number[] = [];
    matcher.scan(["stadtwerke", ",", "nord"], [false, true, false], (from) => found.push(from));
    expect(found).toEqual([]);
  });
});
