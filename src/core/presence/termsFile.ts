// Reading a workspace's customer terms from a file: one name per line, or a CSV export (from
// a CRM, say) with the names in a named column. Pure: takes the file's text, returns the
// names and what was wrong with the rows it could not use, so a caller can import the good
// rows and report the bad ones by line number. Used by `kundennah classify --terms` and
// meant for `kundennah terms import` as well.

/** Names longer than this are not names (a pasted paragraph, a broken row). */
export const MAX_TERM_LENGTH = 200;
/** More names than this are not read; a workspace vocabulary is thousands, not millions. */
export const MAX_TERMS = 100_000;

/** Header names recognised without --column (case-insensitive). */
const KNOWN_COLUMNS = [
  "name",
  "names",
  "term",
  "terms",
  "account",
  "account name",
  "accountname",
  "account_name",
  "company",
  "company name",
  "company_name",
  "customer",
  "customer name",
  "client",
  "client name",
  "organisation",
  "organization",
  "kunde",
  "kundenname",
  "kunde name",
  "firma",
  "firmenname",
  "unternehmen",
  "begriff",
  "begriffe",
  "mandant",
  "mandantenname",
];

export interface TermsFileError {
  /** 1-based line where the row starts. */
  line: number;
  message: string;
}

export interface TermsFileResult {
  /** Distinct names, in file order, trimmed and with inner whitespace collapsed. */
  terms: string[];
  format: "list" | "csv";
  /** The CSV column the names came from. */
  column?: string;
  duplicates: number;
  blank: number;
  errors: TermsFileError[];
  /** Set when nothing could be read at all (wrong column, binary file). */
  fatal?: string;
}

export interface TermsFileOptions {
  /** The CSV column holding the names; without it, a header like "Name" or "Account Name"
   * is recognised, and a file without one is read as one name per line. */
  column?: string;
}

// Control characters other than tab/newline, and the replacement character that invalid
// UTF-8 decodes to: a binary or wrongly encoded file.
const BAD_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

class Collector {
  readonly terms: string[] = [];
  readonly errors: TermsFileError[] = [];
  duplicates = 0;
  blank = 0;
  private readonly seen = new Set<string>();
  full = false;

  /** Adds one name read at `line`; `what` names the field in error messages. */
  add(value: string, line: number, what: string): void {
    const name = value.replace(/\s+/gu, " ").trim();
    if (name === "") {
      this.errors.push({ line, message: `${what} is empty` });
      return;
    }
    if (BAD_CHARS.test(name)) {
      this.errors.push({
        line,
        message: `${what} contains control characters or invalid bytes (is the file UTF-8 text?)`,
      });
      return;
    }
    if (name.length > MAX_TERM_LENGTH) {
      this.errors.push({ line, message: `${what} is longer than ${MAX_TERM_LENGTH} characters` });
      return;
    }
    if (!HAS_WORD.test(name)) {
      this.errors.push({ line, message: `${what} has no letters or digits` });
      return;
    }
    const key = name.toLocaleLowerCase("de");
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    if (this.terms.length >= MAX_TERMS) {
      if (!this.full)
        this.errors.push({
          line,
          message: `more than ${MAX_TERMS.toLocaleString("en-US")} names; the rest was not read`,
        });
      this.full = true;
      return;
    }
    this.seen.add(key);
    this.terms.push(name);
  }
}

/** One CSV record: its fields and the line it starts on. */
interface CsvRecord {
  line: number;
  fields: string[];
  /** The record ends inside an open quote (the file was cut or a quote is stray). */
  unclosed: boolean;
}

/** RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. */
function* csvRecords(text: string, delimiter: string): Generator<CsvRecord> {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let unclosed = false;
    for (;;) {
      if (i >= n) {
        if (quoted) unclosed = true;
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === "\n") line++;
          field += c;
          i++;
        }
      } else if (c === '"' && field.trim() === "") {
        quoted = true;
        field = "";
        i++;
      } else if (c === delimiter) {
        fields.push(field);
        field = "";
        i++;
      } else if (c === "\n" || c === "\r") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        break;
      } else {
        field += c;
        i++;
      }
    }
    fields.push(field);
    yield { line: start, fields, unclosed };
    if (unclosed) return;
  }
}

function delimiterOf(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t", "|"]) {
    let count = 0;
    let quoted = false;
    for (const c of headerLine) {
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const normaliseHeader = (h: string): string => h.trim().replace(/^"|"$/gu, "").trim().toLowerCase();
const looseHeader = (h: string): string => normaliseHeader(h).replace(/[\s_-]+/gu, "");

/** Parses a terms file (one name per line, or CSV with a named column). Never throws. */
export function parseTermsFile(input: string, options: TermsFileOptions = {}): TermsFileResult {
  const text = input.replace(/^\uFEFF/u, "");
  if (text.slice(0, 4096).includes("\u0000")) {
    return {
      terms: [],
      format: "list",
      duplicates: 0,
      blank: 0,
      errors: [],
      fatal: "this looks like a binary file, not a list of names",
    };
  }
  const firstLineEnd = text.search(/\r?\n/u);
  const header = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  const delimiter = delimiterOf(header);
  const headerFields = [...csvRecords(header, delimiter)][0]?.fields ?? [];
  let columnIndex = -1;
  if (options.column !== undefined) {
    const wanted = options.column;
    columnIndex = headerFields.findIndex((h) => normaliseHeader(h) === wanted.trim().toLowerCase());
    if (columnIndex < 0) columnIndex = headerFields.findIndex((h) => looseHeader(h) === looseHeader(wanted));
    if (columnIndex < 0) {
      const found = headerFields.map((h) => normaliseHeader(h)).filter((h) => h !== "");
      return {
        terms: [],
        format: "csv",
        duplicates: 0,
        blank: 0,
        errors: [],
        fatal: `no column "${wanted}" in the first line; it has ${found.length ? found.map((h) => `"${h}"`).join(", ") : "no column names"}`,
      };
    }
  } else {
    columnIndex = headerFields.findIndex((h) => KNOWN_COLUMNS.includes(normaliseHeader(h)));
  }

  const out = new Collector();
  if (columnIndex >= 0) {
    const column = normaliseHeader(headerFields[columnIndex]!);
    let first = true;
    for (const record of csvRecords(text, delimiter)) {
      if (first) {
        first = false;
        continue;
      }
      if (record.unclosed) {
        out.errors.push({
          line: record.line,
          message: "a quote opened here is never closed; the rest of the file was not read",
        });
        break;
      }
      if (record.fields.every((f) => f.trim() === "")) {
        out.blank++;
        continue;
      }
      if (record.fields.length <= columnIndex) {
        out.errors.push({
          line: record.line,
          message: `only ${record.fields.length} field${record.fields.length === 1 ? "" : "s"}; "${column}" is field ${columnIndex + 1}`,
        });
        continue;
      }
      out.add(record.fields[columnIndex]!, record.line, `"${column}"`);
      if (out.full) break;
    }
    return {
      terms: out.terms,
      format: "csv",
      column,
      duplicates: out.duplicates,
      blank: out.blank,
      errors: out.errors,
    };
  }

  const lines = text.split(/\r?\n|\r/u);
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]!.trim();
    if (raw === "" || raw.startsWith("#")) {
      if (raw === "" && k < lines.length - 1) out.blank++;
      continue;
    }
    let value = raw;
    if (raw.startsWith('"')) {
      const inner = raw.slice(1, -1);
      if (raw.length < 2 || !raw.endsWith('"') || inner.replace(/""/gu, "").includes('"')) {
        out.errors.push({ line: k + 1, message: "a quote opened here is not closed at the end of the line" });
        continue;
      }
      value = inner.replace(/""/gu, '"');
    }
    out.add(value, k + 1, "the name");
    if (out.full) break;
  }
  return { terms: out.terms, format: "list", duplicates: out.duplicates, blank: out.blank, errors: out.errors };
}

/**
 * Splits a typed list of terms: comma-separated, with double quotes around names that
 * contain commas (`Fahrgast, "Müller, Schmidt & Partner"`). Returns the names and, for a
 * quote that is never closed, an error.
 */
export function splitTermList(input: string): { terms: string[]; error?: string } {
  const terms: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"' || c === "“" || c === "”") quoted = false;
      else field += c;
    } else if ((c === '"' || c === "„" || c === "“") && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === ",") {
      terms.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return { terms: [], error: "a quote is never closed" };
  terms.push(field);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    const name = t.replace(/\s+/gu, " ").trim();
    const key = name.toLocaleLowerCase("de");
    if (name === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return { terms: out };
}
