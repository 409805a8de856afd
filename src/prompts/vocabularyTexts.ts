// Texts of the workspace's customer vocabulary (industry preset, own terms), English and German.
// Terms in these texts were typed by a person: callers pass them already made literal for the
// platform (escaped), and the texts put them in quotes.

import type { VocabularySummary } from "../core/presence/ports.js";
import type { IndustryPreset } from "../core/presence/vocabulary.js";
import type { Language } from "../core/shared/model.js";
import { count, locale } from "./format.js";

/** How many terms a listing shows before "…and N more". */
export const LISTED_TERMS = 60;

const INDUSTRY_EN: Record<IndustryPreset, string> = {
  healthcare: "healthcare (patients, Patientinnen …)",
  hospitality: "hospitality (guests, Gäste …)",
  transport: "transport (passengers, Fahrgäste …)",
  insurance: "insurance (policyholders, Versicherte …)",
  "legal-tax": "legal & tax (clients, Mandanten …)",
  retail: "retail (shoppers, Kundschaft …)",
  b2b: "B2B (accounts, Auftraggeber …)",
  public: "public sector (citizens, Bürgerinnen und Bürger …)",
  software: "software (users, Nutzer …)",
};

const INDUSTRY_DE: Record<IndustryPreset, string> = {
  healthcare: "Gesundheitswesen (Patientinnen, Patienten …)",
  hospitality: "Gastgewerbe (Gäste …)",
  transport: "Verkehr (Fahrgäste, Reisende …)",
  insurance: "Versicherung (Versicherte …)",
  "legal-tax": "Recht & Steuern (Mandanten …)",
  retail: "Handel (Kundschaft, Käufer …)",
  b2b: "B2B (Accounts, Auftraggeber …)",
  public: "öffentlicher Sektor (Bürgerinnen und Bürger …)",
  software: "Software (Nutzer, Anwender …)",
};

/** Characters of quoted terms one reply shows: Slack refuses sections over 3,000 characters. */
const LIST_BUDGET = 1_500;

/** “A”, “B”, “C” — as many as fit the budget, then "…" and how many more. */
function quoted(terms: string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const t of terms) {
    if (shown.length > 0 && length + t.length + 4 > LIST_BUDGET) break;
    shown.push(`“${t}”`);
    length += t.length + 4;
  }
  return shown.join(", ") + (shown.length < terms.length ? ` … (+${terms.length - shown.length})` : "");
}
const presetList =
  "`healthcare`, `hospitality`, `transport`, `insurance`, `legal-tax`, `retail`, `b2b`, `public`, `software`";

const en = {
  industryName: (preset: IndustryPreset) => INDUSTRY_EN[preset],
  industrySet: (preset: IndustryPreset) =>
    `✅ Industry preset: **${INDUSTRY_EN[preset]}**. These words count as customers in new messages from now on. \`{cmd:admin presence industry none}\` switches it off.`,
  industryCleared:
    "✅ No industry preset any more: new messages are classified with the general customer words and your own terms.",
  industryUnknown: (name: string) => `I don't know the industry “${name}”. Choose one of ${presetList}, or \`none\`.`,
  industryUsage: `Choose the industry whose customer words count: \`{cmd:admin presence industry transport}\` — one of ${presetList}; \`{cmd:admin presence industry none}\` switches it off.`,
  termsUsage:
    'Your own customer words and account names: `{cmd:admin presence terms add Fahrgast, "Stadtwerke Nord"}` · `{cmd:admin presence terms remove Fahrgast}` · `{cmd:admin presence terms list}`. Names with a comma go in double quotes. For thousands of names from a CRM export: `npx kundennah terms import accounts.csv --workspace …`.',
  termsEmpty: (verb: "add" | "remove") =>
    `Which terms should I ${verb}? For example \`{cmd:admin presence terms ${verb} Fahrgast, "Stadtwerke Nord"}\`.`,
  termsUnclosedQuote:
    'A double quote is never closed. Put each name with a comma in quotes, like `"Müller, Schmidt & Partner"`.',
  termsTooManyInCommand: (n: number, max: number) =>
    `That is ${count(n, "en")} terms; one command takes up to ${max}. For longer lists use \`npx kundennah terms import FILE --workspace …\`.`,
  termTooLong: (term: string, max: number) =>
    `“${term}…” is longer than ${max} characters; a term is a word or a name. Nothing was changed.`,
  termTooShort: (term: string, min: number) =>
    `“${term}” is too short (at least ${min} characters), it would match ordinary words. Nothing was changed.`,
  termNoLetters: (term: string) => `“${term}” has no letters or digits. Nothing was changed.`,
  termsFull: (current: number, adding: number, max: number) =>
    `The workspace has ${count(current, "en")} terms; ${count(adding, "en")} more would pass the limit of ${count(max, "en")}. Remove some first. Nothing was changed.`,
  termsAdded: (added: string[], already: string[], total: number) =>
    [
      added.length
        ? `✅ Added ${quoted(added)}: ${added.length === 1 ? "it counts" : "they count"} as customers in new messages from now on.`
        : "",
      already.length ? `Already there: ${quoted(already)}.` : "",
      `${count(total, "en")} own term${total === 1 ? "" : "s"} in all.`,
    ]
      .filter(Boolean)
      .join(" "),
  termsRemoved: (removed: string[], missing: string[], total: number) =>
    [
      removed.length ? `✅ Removed ${quoted(removed)} (from new messages on).` : "",
      missing.length ? `Not in the list: ${quoted(missing)}.` : "",
      `${count(total, "en")} own term${total === 1 ? "" : "s"} left.`,
    ]
      .filter(Boolean)
      .join(" "),
  vocabularyList: (industry: IndustryPreset | null, terms: string[], total: number) =>
    [
      `**Industry preset:** ${industry ? INDUSTRY_EN[industry] : "none"}`,
      total === 0
        ? "**Own terms:** none yet — `{cmd:admin presence terms add …}`"
        : `**Own terms (${count(total, "en")}):** ${quoted(terms)}${total > terms.length ? ` …and ${count(total - terms.length, "en")} more` : ""}`,
    ].join("\n"),

  /** The digest's line: which vocabulary the figures were classified with. */
  digestVocabulary: (industry: IndustryPreset | null, terms: number, changedOn: string | null) => {
    const parts = [
      industry ? `${industry} preset` : "no industry preset",
      terms === 0 ? "no own terms" : `${count(terms, "en")} own term${terms === 1 ? "" : "s"}`,
    ];
    const base = `Vocabulary: ${industry || terms ? parts.join(" + ") : "the general customer words (no industry preset, no own terms)"}`;
    return changedOn ? `${base} — changed on ${changedOn}; it applies to messages from then on.` : `${base}.`;
  },
  /** The vocabulary's line in the admin help. */
  help: '`{cmd:admin presence industry transport}` (or `none`) — the industry whose customer words count · `{cmd:admin presence terms add Fahrgast, "Stadtwerke Nord"}` · `{cmd:admin presence terms remove …}` · `{cmd:admin presence terms list}`',
};

export type VocabularyTexts = typeof en;

const de: VocabularyTexts = {
  industryName: (preset) => INDUSTRY_DE[preset],
  industrySet: (preset) =>
    `✅ Branchen-Voreinstellung: **${INDUSTRY_DE[preset]}**. Diese Wörter zählen ab jetzt in neuen Nachrichten als Kunden. \`{cmd:admin presence industry none}\` schaltet sie aus.`,
  industryCleared:
    "✅ Keine Branchen-Voreinstellung mehr: Neue Nachrichten werden mit den allgemeinen Kundenwörtern und euren eigenen Begriffen eingeordnet.",
  industryUnknown: (name) => `Die Branche „${name}“ kenne ich nicht. Wähle eine von ${presetList} oder \`none\`.`,
  industryUsage: `Wähle die Branche, deren Kundenwörter zählen: \`{cmd:admin presence industry transport}\` — eine von ${presetList}; \`{cmd:admin presence industry none}\` schaltet sie aus.`,
  termsUsage:
    'Eure eigenen Kundenwörter und Kundennamen: `{cmd:admin presence terms add Fahrgast, "Stadtwerke Nord"}` · `{cmd:admin presence terms remove Fahrgast}` · `{cmd:admin presence terms list}`. Namen mit Komma in doppelte Anführungszeichen. Für Tausende Namen aus einem CRM-Export: `npx kundennah terms import accounts.csv --workspace …`.',
  termsEmpty: (verb) =>
    `Welche Begriffe soll ich ${verb === "add" ? "hinzufügen" : "entfernen"}? Zum Beispiel \`{cmd:admin presence terms ${verb} Fahrgast, "Stadtwerke Nord"}\`.`,
  termsUnclosedQuote:
    'Ein doppeltes Anführungszeichen wird nie geschlossen. Setze jeden Namen mit Komma in Anführungszeichen, etwa `"Müller, Schmidt & Partner"`.',
  termsTooManyInCommand: (n, max) =>
    `Das sind ${count(n, "de")} Begriffe; ein Befehl nimmt bis zu ${max}. Für längere Listen: \`npx kundennah terms import DATEI --workspace …\`.`,
  termTooLong: (term, max) =>
    `„${term}…“ ist länger als ${max} Zeichen; ein Begriff ist ein Wort oder ein Name. Nichts wurde geändert.`,
  termTooShort: (term, min) =>
    `„${term}“ ist zu kurz (mindestens ${min} Zeichen), es würde gewöhnliche Wörter treffen. Nichts wurde geändert.`,
  termNoLetters: (term) => `„${term}“ enthält keine Buchstaben oder Ziffern. Nichts wurde geändert.`,
  termsFull: (current, adding, max) =>
    `Der Workspace hat ${count(current, "de")} Begriffe; ${count(adding, "de")} weitere würden die Grenze von ${count(max, "de")} überschreiten. Entferne zuerst welche. Nichts wurde geändert.`,
  termsAdded: (added, already, total) =>
    [
      added.length
        ? `✅ Hinzugefügt: ${quoted(added)} — ${added.length === 1 ? "zählt" : "zählen"} ab jetzt in neuen Nachrichten als Kunden.`
        : "",
      already.length ? `Schon vorhanden: ${quoted(already)}.` : "",
      `Insgesamt ${count(total, "de")} eigene${total === 1 ? "r" : ""} Begriff${total === 1 ? "" : "e"}.`,
    ]
      .filter(Boolean)
      .join(" "),
  termsRemoved: (removed, missing, total) =>
    [
      removed.length ? `✅ Entfernt: ${quoted(removed)} (ab neuen Nachrichten).` : "",
      missing.length ? `Nicht in der Liste: ${quoted(missing)}.` : "",
      `Noch ${count(total, "de")} eigene${total === 1 ? "r" : ""} Begriff${total === 1 ? "" : "e"}.`,
    ]
      .filter(Boolean)
      .join(" "),
  vocabularyList: (industry, terms, total) =>
    [
      `**Branchen-Voreinstellung:** ${industry ? INDUSTRY_DE[industry] : "keine"}`,
      total === 0
        ? "**Eigene Begriffe:** noch keine — `{cmd:admin presence terms add …}`"
        : `**Eigene Begriffe (${count(total, "de")}):** ${quoted(terms)}${total > terms.length ? ` … und ${count(total - terms.length, "de")} weitere` : ""}`,
    ].join("\n"),
  digestVocabulary: (industry, terms, changedOn) => {
    const parts = [
      industry ? `Branche ${INDUSTRY_DE[industry].replace(/ \(.*$/u, "")}` : "keine Branche",
      terms === 0
        ? "keine eigenen Begriffe"
        : `${count(terms, "de")} eigene${terms === 1 ? "r" : ""} Begriff${terms === 1 ? "" : "e"}`,
    ];
    const base = `Vokabular: ${industry || terms ? parts.join(" + ") : "die allgemeinen Kundenwörter (keine Branche, keine eigenen Begriffe)"}`;
    return changedOn ? `${base} — geändert am ${changedOn}; gilt für Nachrichten ab dann.` : `${base}.`;
  },
  help: '`{cmd:admin presence industry transport}` (oder `none`) — die Branche, deren Kundenwörter zählen · `{cmd:admin presence terms add Fahrgast, "Stadtwerke Nord"}` · `{cmd:admin presence terms remove …}` · `{cmd:admin presence terms list}`',
};

const TEXTS: Record<Language, VocabularyTexts> = { en, de };

export function vocabularyTexts(language: Language): VocabularyTexts {
  return TEXTS[language];
}

/** The digest's vocabulary line, or null for a report without one. */
export function digestVocabularyLine(summary: VocabularySummary | undefined, language: Language): string | null {
  if (!summary) return null;
  const changedOn = summary.changedOn
    ? new Date(`${summary.changedOn}T12:00:00Z`).toLocaleDateString(locale(language), {
        timeZone: "UTC",
        day: "numeric",
        month: "long",
      })
    : null;
  return vocabularyTexts(language).digestVocabulary(summary.industry, summary.terms, changedOn);
}
