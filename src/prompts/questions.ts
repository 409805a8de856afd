// The five leadership questions in both languages (German is the original).

import type { Language } from "../core/shared/model.js";
import type { QuestionKey } from "../core/shared/questions.js";

export const QUESTION_TEXT: Record<Language, Record<QuestionKey, string>> = {
  de: {
    care: "Interessiert mich das Kundenwohl wirklich – und wie zeige ich das?",
    presence: "Sind Kunden in meinen Gesprächen regelmäßig und positiv präsent?",
    importance: "Wie oft spreche ich über die Bedeutung der Kunden für die Firma?",
    ask: "Bitte ich die Mitarbeiter regelmäßig um kundenfokussierte Vorschläge?",
    contact: "Habe ich Kundenkontakt und lebe ich Kundenzentrierung sichtbar vor?",
  },
  en: {
    care: "Do I really care about our customers' well-being — and how do I show it?",
    presence: "Are customers regularly and positively present in my conversations?",
    importance: "How often do I talk about what customers mean for the company?",
    ask: "Do I regularly ask my team for customer-focused suggestions?",
    contact: "Do I have customer contact, and do I visibly model customer focus?",
  },
};

/** Short names for compact overviews (App Home, /cx-me). */
export const QUESTION_LABEL: Record<Language, Record<QuestionKey, string>> = {
  de: { care: "Kundenwohl", presence: "Präsenz", importance: "Bedeutung", ask: "Vorschläge", contact: "Kundenkontakt" },
  en: { care: "Care", presence: "Presence", importance: "Importance", ask: "Asking", contact: "Contact" },
};

/** The 1–5 scale, worded so that each button means something on its own. */
export const RATING_LABEL: Record<Language, Record<1 | 2 | 3 | 4 | 5, string>> = {
  de: { 1: "Kaum", 2: "Selten", 3: "Teils", 4: "Meistens", 5: "Voll und ganz" },
  en: { 1: "Hardly", 2: "Rarely", 3: "Partly", 4: "Mostly", 5: "Fully" },
};
