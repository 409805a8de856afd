// Texts of the suggestion box, English and German (`de` is typed against `en`).
import type { Language } from "../core/shared/model.js";
import type { SuggestionStatus, Touchpoint } from "../core/suggestions/ports.js";

const en = {
  modalTitle: "Customer idea",
  submit: "Submit",
  cancel: "Cancel",
  close: "Close",
  textLabel: "Your suggestion",
  textPlaceholder: "What would make things better for our customers?",
  touchpointLabel: "Where do customers meet this?",
  anonymousLabel: "Privacy",
  anonymousOption: "Submit anonymously — your name is stored nowhere",
  empty: "Please write your suggestion first.",
  tooLong: (max: number) => `Please keep it under ${max} characters.`,
  rateLimited: (limit: number) =>
    `That's a lot of ideas — thank you! You can send up to ${limit} per hour; please try again a bit later.`,
  thanksShared: (n: number) => `🙌 Thank you! Suggestion #${n} is shared with your colleagues.`,
  thanksSaved: (n: number) =>
    `🙌 Thank you! Suggestion #${n} is saved. It will be visible to everyone once an admin picks a suggestions channel (\`{cmd:admin suggestions-channel #channel}\`).`,
  postTitle: (n: number) => `💡 Suggestion #${n}`,
  by: (who: string) => `by ${who}`,
  anonymous: "anonymous",
  votes: (n: number) => (n === 1 ? "1 vote" : `${n} votes`),
  vote: "👍 Vote",
  respond: "Respond",
  statusLine: (status: string, note: string | null) => `**Status:** ${status}${note ? ` — ${note}` : ""}`,
  touchpoint: {
    product: "Product",
    service: "Service & support",
    sales: "Sales",
    delivery: "Delivery",
    billing: "Billing",
    digital: "Website & app",
    other: "Other",
  } satisfies Record<Touchpoint, string>,
  status: {
    new: "New",
    review: "Under review",
    planned: "Planned",
    done: "Done",
    declined: "Declined",
  } satisfies Record<SuggestionStatus, string>,
  respondTitle: "Answer a suggestion",
  respondStatus: "Status",
  respondNote: "A short note for the author and the team",
  respondSave: "Send answer",
  notAllowedToRespond: "Only leaders and admins can answer suggestions.",
  answered: (n: number, status: string, note: string | null) =>
    `📬 Your suggestion #${n} got an answer: **${status}**${note ? `\n> ${note}` : ""}`,
  listTitle: "Suggestions",
  listRecent: "Recent",
  listTop: "Top voted",
  listEmpty: "No suggestions yet. Start with `{cmd:suggest}`.",
  listLine: (n: number, touchpoint: string, votes: number, status: string, text: string) =>
    `#${n} · ${touchpoint} · 👍 ${votes} · ${status} — ${text}`,
  askBy: (who: string) => `💡 **${who} asks:**`,
  askScheduled: "💡 **Question of the month:**",
  askButton: "Make a suggestion",
  askPosted: "✅ Your question is posted. Ideas will appear in the suggestions channel.",
  askNotLeader: "`{cmd:ask}` is for leaders. An admin can add you with `{cmd:admin leaders add}`.",
  askFailed: "I could not post in this channel. Please invite me first (`/invite @Kundennah`).",
  // Teams-only texts below say where to type (in the team channel, mentioning the bot) or
  // name Teams-only features (the message action, a form without a required status).
  teamsThanksSaved: (n: number) =>
    `🙌 Thank you! Suggestion #${n} is saved. It will be visible to everyone once an admin picks a suggestions channel (\`@Kundennah suggestions-channel\` in that channel).`,
  teamsAskFailed: "I could not post in this channel. Please add me to the team first.",
  prompts: {
    marketing: "Just suppose you were our head of marketing: what would you change first?",
    "say-no": "What do customers ask us for that we keep saying no to — and should we?",
    "fix-one": "If you could fix one thing in our customers' day, what would it be?",
    learn: "Which customer moment this month should we all learn from?",
    recommend: "What would make a customer recommend us to a friend tomorrow?",
  } as Record<string, string>,
  channelSaved: (channel: string) =>
    `✅ New suggestions will be posted in ${channel}. Please make sure I am a member there.`,
  channelUsage: "Name the channel, for example `{cmd:admin suggestions-channel #customer-ideas}`.",
  askScheduleSaved: (channel: string, day: number, time: string) =>
    `✅ Every month on day ${day} at ${time}, I'll ask ${channel} for suggestions.`,
  askScheduleRemoved: (channel: string) => `Monthly suggestion prompts for ${channel} are switched off.`,
  askScheduleUsage:
    "For example `{cmd:admin ask-schedule #team 1 10:00}` (day of month, time) or `{cmd:admin ask-schedule #team off}`.",
  teamsMessageActionTitle: "Suggest from this message",
  teamsChannelUsage: "Type `@Kundennah suggestions-channel` in the team channel that should receive new suggestions.",
  teamsAskInChannel: "Type `@Kundennah ask` in the team channel you want to ask for suggestions.",
  teamsAskScheduleUsage:
    "In the team channel, type `@Kundennah ask-schedule 1 10:00` (day of month, time) or `@Kundennah ask-schedule off`.",
  teamsThisChannel: (grammaticalCase: "nom" | "acc" | "dat"): string =>
    grammaticalCase === "nom" ? "This channel" : "this channel",
  teamsNoResponseStatus: "Please choose a status.",
  teamsSuggestHint:
    "`suggest` — share a customer-focused suggestion (`suggest your idea` prefills it) · `suggestions` — recent and top-voted ones",
  teamsLeaderHint: "In a team channel: `@Kundennah ask` — ask the channel for suggestions (leaders)",
  teamsAdminHint: [
    "In a team channel, mentioning me:",
    "`suggestions-channel` — post new suggestions in this channel",
    "`ask-schedule 1 10:00` — ask this channel every month (`ask-schedule off` to stop)",
  ].join("\n"),
};

export type SuggestionTexts = typeof en;

const de: SuggestionTexts = {
  modalTitle: "Kundenidee",
  submit: "Absenden",
  cancel: "Abbrechen",
  close: "Schließen",
  textLabel: "Dein Vorschlag",
  textPlaceholder: "Was würde es für unsere Kunden besser machen?",
  touchpointLabel: "Wo begegnen Kunden dem?",
  anonymousLabel: "Datenschutz",
  anonymousOption: "Anonym einreichen — dein Name wird nirgends gespeichert",
  empty: "Bitte schreib zuerst deinen Vorschlag.",
  tooLong: (max) => `Bitte höchstens ${max} Zeichen.`,
  rateLimited: (limit) =>
    `So viele Ideen — danke! Du kannst bis zu ${limit} pro Stunde senden; bitte versuch es etwas später noch einmal.`,
  thanksShared: (n) => `🙌 Danke! Vorschlag #${n} ist mit deinen Kolleginnen und Kollegen geteilt.`,
  thanksSaved: (n) =>
    `🙌 Danke! Vorschlag #${n} ist gespeichert. Alle sehen ihn, sobald ein Admin einen Vorschlagskanal wählt (\`{cmd:admin suggestions-channel #kanal}\`).`,
  postTitle: (n) => `💡 Vorschlag #${n}`,
  by: (who) => `von ${who}`,
  anonymous: "anonym",
  votes: (n) => (n === 1 ? "1 Stimme" : `${n} Stimmen`),
  vote: "👍 Unterstützen",
  respond: "Antworten",
  statusLine: (status, note) => `**Status:** ${status}${note ? ` — ${note}` : ""}`,
  touchpoint: {
    product: "Produkt",
    service: "Service & Support",
    sales: "Vertrieb",
    delivery: "Lieferung",
    billing: "Rechnung",
    digital: "Website & App",
    other: "Sonstiges",
  },
  status: {
    new: "Neu",
    review: "In Prüfung",
    planned: "Geplant",
    done: "Umgesetzt",
    declined: "Abgelehnt",
  },
  respondTitle: "Vorschlag beantworten",
  respondStatus: "Status",
  respondNote: "Eine kurze Notiz für die Person und das Team",
  respondSave: "Antwort senden",
  notAllowedToRespond: "Nur Führungskräfte und Admins können Vorschläge beantworten.",
  answered: (n, status, note) => `📬 Dein Vorschlag #${n} hat eine Antwort: **${status}**${note ? `\n> ${note}` : ""}`,
  listTitle: "Vorschläge",
  listRecent: "Neueste",
  listTop: "Meiste Stimmen",
  listEmpty: "Noch keine Vorschläge. Starte mit `{cmd:suggest}`.",
  listLine: (n, touchpoint, votes, status, text) => `#${n} · ${touchpoint} · 👍 ${votes} · ${status} — ${text}`,
  askBy: (who) => `💡 **${who} fragt:**`,
  askScheduled: "💡 **Frage des Monats:**",
  askButton: "Vorschlag machen",
  askPosted: "✅ Deine Frage ist gepostet. Ideen erscheinen im Vorschlagskanal.",
  askNotLeader: "`{cmd:ask}` ist für Führungskräfte. Ein Admin kann dich mit `{cmd:admin leaders add}` hinzufügen.",
  askFailed: "Ich konnte in diesem Kanal nicht posten. Bitte lade mich zuerst ein (`/invite @Kundennah`).",
  teamsThanksSaved: (n) =>
    `🙌 Danke! Vorschlag #${n} ist gespeichert. Alle sehen ihn, sobald ein Admin einen Vorschlagskanal wählt (\`@Kundennah suggestions-channel\` in diesem Kanal).`,
  teamsAskFailed: "Ich konnte in diesem Kanal nicht posten. Bitte füge mich zuerst dem Team hinzu.",
  prompts: {
    marketing: "Angenommen, du wärst unsere Marketingleitung: Was würdest du als Erstes ändern?",
    "say-no": "Worum bitten uns Kunden, wozu wir immer wieder Nein sagen — und sollten wir das?",
    "fix-one": "Wenn du eine Sache im Alltag unserer Kunden verbessern könntest: welche?",
    learn: "Aus welchem Kundenmoment dieses Monats sollten wir alle lernen?",
    recommend: "Was würde einen Kunden dazu bringen, uns morgen weiterzuempfehlen?",
  },
  channelSaved: (channel) =>
    `✅ Neue Vorschläge erscheinen in ${channel}. Bitte stell sicher, dass ich dort Mitglied bin.`,
  channelUsage: "Nenne den Kanal, z. B. `{cmd:admin suggestions-channel #kundenideen}`.",
  askScheduleSaved: (channel, day, time) =>
    `✅ Jeden Monat am ${day}. um ${time} Uhr frage ich ${channel} nach Vorschlägen.`,
  askScheduleRemoved: (channel) => `Monatliche Vorschlagsfragen für ${channel} sind ausgeschaltet.`,
  askScheduleUsage:
    "Zum Beispiel `{cmd:admin ask-schedule #team 1 10:00}` (Tag im Monat, Uhrzeit) oder `{cmd:admin ask-schedule #team off}`.",
  teamsMessageActionTitle: "Aus dieser Nachricht vorschlagen",
  teamsChannelUsage: "Schreib `@Kundennah suggestions-channel` in den Teamkanal, der neue Vorschläge erhalten soll.",
  teamsAskInChannel: "Schreib `@Kundennah ask` in den Teamkanal, den du nach Vorschlägen fragen möchtest.",
  teamsAskScheduleUsage:
    "Schreib im Teamkanal `@Kundennah ask-schedule 1 10:00` (Tag im Monat, Uhrzeit) oder `@Kundennah ask-schedule off`.",
  teamsThisChannel: (grammaticalCase) =>
    ({ nom: "Dieser Kanal", acc: "diesen Kanal", dat: "diesem Kanal" })[grammaticalCase],
  teamsNoResponseStatus: "Bitte wähle einen Status.",
  teamsSuggestHint:
    "`suggest` — einen kundenfokussierten Vorschlag teilen (`suggest deine Idee` füllt ihn vor) · `suggestions` — neueste und beliebteste",
  teamsLeaderHint: "In einem Teamkanal: `@Kundennah ask` — den Kanal nach Vorschlägen fragen (Führungskräfte)",
  teamsAdminHint: [
    "In einem Teamkanal, mit Erwähnung von mir:",
    "`suggestions-channel` — neue Vorschläge in diesem Kanal posten",
    "`ask-schedule 1 10:00` — diesen Kanal jeden Monat fragen (`ask-schedule off` zum Beenden)",
  ].join("\n"),
};

const TEXTS: Record<Language, SuggestionTexts> = { en, de };

export function suggestionTexts(language: Language): SuggestionTexts {
  return TEXTS[language];
}
