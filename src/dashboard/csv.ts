// A section's table as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs pick the encoding).
// Raw values, not the formatted text: 0.2345 rather than "23 %", empty where a figure is withheld.
import type { Table } from "./sections.js";

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted with a leading apostrophe. */
function field(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableCsv(table: Table): string {
  const lines = [table.columns.map((c) => field(c.label)), ...table.rows.map((row) => row.map((c) => field(c.value)))];
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}
