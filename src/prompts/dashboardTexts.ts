// Texts of the dashboard: the chat replies that hand out links, and every word on its pages.
import type { Language } from "../core/shared/model.js";

const en = {
  // Chat
  viewersAdded: (names: string) =>
    `✅ Dashboard viewers now: ${names}. They can look at the dashboard (\`{cmd:admin dashboard}\`), not change settings.`,
  viewersRemoved: (names: string) => `No longer dashboard viewers: ${names}. Their open dashboard sessions have ended.`,
  viewersList: (names: string, count: number) =>
    `**Dashboard viewers (${count}):** ${names} — plus every Kundennah admin.`,
  noViewers:
    "No dashboard viewers yet; admins can always open the dashboard. Add some with `{cmd:admin viewers add @hr}`.",
  notViewer: "Sorry, the dashboard is for Kundennah admins and the viewers they named (`{cmd:admin viewers add}`).",
  linkLabel: "Open your dashboard",
  /** `link` is already in the platform's link syntax. */
  link: (link: string, minutes: number) =>
    `📊 Your personal dashboard link: ${link}\nIt works once and for ${minutes} minutes; opening it starts a session of 8 hours in that browser. Don't forward it.`,
  help: "`{cmd:admin dashboard}` — your personal dashboard link · `{cmd:admin viewers add @hr}` · `{cmd:admin viewers remove @hr}` · `{cmd:admin viewers list}` — who else may look",
  // Teams only: there a link is handed out in the personal chat alone, never in a team channel.
  teamsSentToPersonal: "📊 I sent you a personal dashboard link in our personal chat.",
  teamsOpenPersonal:
    "I can only send the dashboard link in our personal chat: open Kundennah from the app bar and type `dashboard` there.",

  // Pages
  title: "Kundennah dashboard",
  nav: { presence: "Customer presence", leaders: "Leaders", suggestions: "Suggestions" },
  skip: "Skip to content",
  privacy: (minAuthors: number) =>
    `No message is stored or shown. Figures appear per channel and week only when at least ${minAuthors} people wrote; leader figures only for groups of at least ${minAuthors}.`,
  downloadCsv: "Download as CSV",
  tableOf: (title: string) => `Table: ${title}`,
  weeksSpan: (first: string, last: string) => `Weeks ${first} to ${last}`,
  week: "Week",
  notEnough: "too few people",
  notFrozen: "no digest yet",
  none: "–",
  sortHint: "Select a column heading to sort.",
  chartLoading: "Chart is loading…",

  // Presence
  presenceTitle: "Customer presence",
  presenceIntro: (minAuthors: number) =>
    `How often customers came up in team conversation, and in what tone — the same figures as the weekly digest. Channels where fewer than ${minAuthors} people wrote in the latest week are combined under "other channels".`,
  workspaceChart: "Whole workspace",
  otherChannels: "Other channels",
  shareCustomers: "About customers",
  messages: "Messages",
  channelsTitle: "Channels",
  channel: "Channel",
  thisWeek: (week: string) => `${week} (latest)`,
  lastWeek: (week: string) => `${week} (before)`,
  trend: "Change (points)",
  positiveOfCustomer: "Appreciative (of those)",
  negativeOfCustomer: "Disparaging (of those)",
  channelDetail: (channel: string) => `Channel ${channel}`,
  noChannels: "No channel had enough people writing in the latest week.",
  backToPresence: "Back to customer presence",
  unknownChannel: "This channel has no figures to show (too few people wrote, or it is not measured).",

  // Leaders
  leadersTitle: "Leaders",
  leadersIntro: (minLeaders: number) =>
    `From the figures frozen for each week's digest: how many of the nudges sent were answered, and the average rating per question — only where at least ${minLeaders} leaders answered. No single leader's rating is ever shown.`,
  answeredChart: "Share of nudges answered, per week",
  answeredAxis: "Nudges answered",
  leaders: "Leaders nudged",
  nudged: "Nudges sent",
  answered: "Answered",
  answeredShare: "Share answered",
  averagesChart: "Average rating per question, per week",
  averageAxis: "Average rating (1–5)",
  question: "Question",

  // Suggestions
  suggestionsTitle: "Suggestions",
  suggestionsIntro:
    "Customer-focused suggestions from the team over the same weeks: how many came in, how far they got, and how quickly leaders answered.",
  newChart: "New suggestions per week",
  newAxis: "Suggestions",
  count: "Count",
  funnelChart: "Where the suggestions stand",
  status: "Status",
  touchpointChart: "Suggestions by touchpoint",
  touchpoint: "Touchpoint",
  medianResponse: "Median time to a response",
  medianValue: (hours: string, responded: number, total: number) =>
    `${hours} (${responded} of ${total} suggestions answered)`,
  noResponses: "no suggestion answered yet",
  hours: (h: string) => `${h} h`,
  days: (d: string) => `${d} days`,
  topTitle: "Top-voted suggestions",
  number: "No.",
  text: "Suggestion (start)",
  votes: "Votes",
  noTop: "No votes yet.",

  // Link and session pages
  openTitle: "Open your Kundennah dashboard",
  openBody:
    "This link is personal: it works once and for 10 minutes. Opening it starts a session in this browser for 8 hours.",
  openButton: "Open the dashboard",
  newLinkHow: "Ask for a new link: type `/cx-admin dashboard` in Slack, or `dashboard` to Kundennah in Teams.",
  usedTitle: "This link was already used",
  usedBody: "Each dashboard link opens one session only. If that was you, go back to the browser tab you opened it in.",
  expiredTitle: "This link has expired",
  expiredBody: "Dashboard links work for 10 minutes.",
  unknownTitle: "This link is not valid",
  unknownBody: "It may be incomplete — copy the whole link from the chat message — or it was not made by Kundennah.",
  rateLimitedTitle: "Too many attempts",
  rateLimitedBody: "Too many links were tried from this network. Wait a few minutes, then try again.",
  signedOutTitle: "Your dashboard session has ended",
  signedOutBody: "Sessions last 8 hours and belong to one workspace.",
  wrongWorkspaceTitle: "Not your workspace",
  wrongWorkspaceBody:
    "Your session belongs to another workspace. Ask for a link in the workspace whose figures you want to see.",
  notFoundTitle: "Page not found",
  notFoundBody: "There is no dashboard page at this address.",
  errorTitle: "Something went wrong",
  errorBody: "The page could not be made just now, sorry. Please reload it in a minute.",
};

export type DashboardTexts = typeof en;

const de: DashboardTexts = {
  viewersAdded: (names) =>
    `✅ Dashboard-Betrachter jetzt: ${names}. Sie können das Dashboard ansehen (\`{cmd:admin dashboard}\`), aber keine Einstellungen ändern.`,
  viewersRemoved: (names) =>
    `Nicht mehr Dashboard-Betrachter: ${names}. Ihre offenen Dashboard-Sitzungen sind beendet.`,
  viewersList: (names, count) => `**Dashboard-Betrachter (${count}):** ${names} – dazu alle Kundennah-Admins.`,
  noViewers:
    "Noch keine Dashboard-Betrachter; Admins können das Dashboard immer öffnen. Füge welche hinzu mit `{cmd:admin viewers add @hr}`.",
  notViewer:
    "Das Dashboard ist leider nur für Kundennah-Admins und die von ihnen benannten Betrachter (`{cmd:admin viewers add}`).",
  linkLabel: "Dein Dashboard öffnen",
  link: (link, minutes) =>
    `📊 Dein persönlicher Dashboard-Link: ${link}\nEr funktioniert einmal und ${minutes} Minuten lang; beim Öffnen beginnt in diesem Browser eine Sitzung von 8 Stunden. Bitte nicht weiterleiten.`,
  help: "`{cmd:admin dashboard}` – dein persönlicher Dashboard-Link · `{cmd:admin viewers add @hr}` · `{cmd:admin viewers remove @hr}` · `{cmd:admin viewers list}` – wer sonst hineinschauen darf",
  teamsSentToPersonal: "📊 Ich habe dir einen persönlichen Dashboard-Link in unseren persönlichen Chat geschickt.",
  teamsOpenPersonal:
    "Den Dashboard-Link schicke ich nur im persönlichen Chat: Öffne Kundennah in der App-Leiste und schreib dort `dashboard`.",

  title: "Kundennah-Dashboard",
  nav: { presence: "Kundenpräsenz", leaders: "Führungskräfte", suggestions: "Vorschläge" },
  skip: "Zum Inhalt springen",
  privacy: (minAuthors) =>
    `Keine Nachricht wird gespeichert oder gezeigt. Zahlen erscheinen pro Kanal und Woche nur, wenn mindestens ${minAuthors} Personen geschrieben haben; Zahlen der Führungskräfte nur für Gruppen ab ${minAuthors}.`,
  downloadCsv: "Als CSV herunterladen",
  tableOf: (title) => `Tabelle: ${title}`,
  weeksSpan: (first, last) => `Wochen ${first} bis ${last}`,
  week: "Woche",
  notEnough: "zu wenige Personen",
  notFrozen: "noch kein Digest",
  none: "–",
  sortHint: "Spaltenüberschrift wählen, um zu sortieren.",
  chartLoading: "Diagramm wird geladen …",

  presenceTitle: "Kundenpräsenz",
  presenceIntro: (minAuthors) =>
    `Wie oft Kunden in Teamgesprächen vorkamen und in welchem Ton – dieselben Zahlen wie im wöchentlichen Digest. Kanäle, in denen in der letzten Woche weniger als ${minAuthors} Personen geschrieben haben, sind unter „Weitere Kanäle“ zusammengefasst.`,
  workspaceChart: "Gesamter Workspace",
  otherChannels: "Weitere Kanäle",
  shareCustomers: "Über Kunden",
  messages: "Nachrichten",
  channelsTitle: "Kanäle",
  channel: "Kanal",
  thisWeek: (week) => `${week} (zuletzt)`,
  lastWeek: (week) => `${week} (davor)`,
  trend: "Veränderung (Punkte)",
  positiveOfCustomer: "Wertschätzend (davon)",
  negativeOfCustomer: "Abwertend (davon)",
  channelDetail: (channel) => `Kanal ${channel}`,
  noChannels: "In keinem Kanal haben in der letzten Woche genug Personen geschrieben.",
  backToPresence: "Zurück zur Kundenpräsenz",
  unknownChannel:
    "Für diesen Kanal gibt es keine Zahlen (zu wenige Personen haben geschrieben, oder er wird nicht gemessen).",

  leadersTitle: "Führungskräfte",
  leadersIntro: (minLeaders) =>
    `Aus den für den Digest jeder Woche festgeschriebenen Zahlen: wie viele der gesendeten Impulse beantwortet wurden, und die durchschnittliche Bewertung je Frage – nur wo mindestens ${minLeaders} Führungskräfte geantwortet haben. Die Bewertung einer einzelnen Person wird nie gezeigt.`,
  answeredChart: "Anteil beantworteter Impulse je Woche",
  answeredAxis: "Beantwortete Impulse",
  leaders: "Führungskräfte mit Impuls",
  nudged: "Gesendete Impulse",
  answered: "Beantwortet",
  answeredShare: "Anteil beantwortet",
  averagesChart: "Durchschnittliche Bewertung je Frage und Woche",
  averageAxis: "Durchschnitt (1–5)",
  question: "Frage",

  suggestionsTitle: "Vorschläge",
  suggestionsIntro:
    "Kundenorientierte Vorschläge aus dem Team in denselben Wochen: wie viele kamen, wie weit sie gekommen sind und wie schnell Führungskräfte geantwortet haben.",
  newChart: "Neue Vorschläge je Woche",
  newAxis: "Vorschläge",
  count: "Anzahl",
  funnelChart: "Wo die Vorschläge stehen",
  status: "Status",
  touchpointChart: "Vorschläge nach Kontaktpunkt",
  touchpoint: "Kontaktpunkt",
  medianResponse: "Median der Zeit bis zur Antwort",
  medianValue: (hours, responded, total) => `${hours} (${responded} von ${total} Vorschlägen beantwortet)`,
  noResponses: "noch kein Vorschlag beantwortet",
  hours: (h) => `${h} Std.`,
  days: (d) => `${d} Tage`,
  topTitle: "Vorschläge mit den meisten Stimmen",
  number: "Nr.",
  text: "Vorschlag (Anfang)",
  votes: "Stimmen",
  noTop: "Noch keine Stimmen.",

  openTitle: "Dein Kundennah-Dashboard öffnen",
  openBody:
    "Dieser Link ist persönlich: Er funktioniert einmal und 10 Minuten lang. Beim Öffnen beginnt in diesem Browser eine Sitzung von 8 Stunden.",
  openButton: "Dashboard öffnen",
  newLinkHow:
    "Hol dir einen neuen Link: Schreib `/cx-admin dashboard` in Slack oder `dashboard` an Kundennah in Teams.",
  usedTitle: "Dieser Link wurde schon benutzt",
  usedBody:
    "Jeder Dashboard-Link öffnet nur eine Sitzung. Wenn du das warst, geh zurück zum Browser-Tab, in dem du ihn geöffnet hast.",
  expiredTitle: "Dieser Link ist abgelaufen",
  expiredBody: "Dashboard-Links gelten 10 Minuten.",
  unknownTitle: "Dieser Link ist ungültig",
  unknownBody:
    "Vielleicht ist er unvollständig – kopiere den ganzen Link aus der Chat-Nachricht – oder er stammt nicht von Kundennah.",
  rateLimitedTitle: "Zu viele Versuche",
  rateLimitedBody:
    "Aus diesem Netz wurden zu viele Links probiert. Warte ein paar Minuten und versuch es dann noch einmal.",
  signedOutTitle: "Deine Dashboard-Sitzung ist beendet",
  signedOutBody: "Sitzungen dauern 8 Stunden und gehören zu einem Workspace.",
  wrongWorkspaceTitle: "Nicht dein Workspace",
  wrongWorkspaceBody:
    "Deine Sitzung gehört zu einem anderen Workspace. Hol dir einen Link in dem Workspace, dessen Zahlen du sehen willst.",
  notFoundTitle: "Seite nicht gefunden",
  notFoundBody: "Unter dieser Adresse gibt es keine Dashboard-Seite.",
  errorTitle: "Da ist etwas schiefgegangen",
  errorBody: "Die Seite konnte gerade nicht erstellt werden, tut mir leid. Bitte lade sie in einer Minute neu.",
};

export function dashboardTexts(language: Language): DashboardTexts {
  return language === "de" ? de : en;
}
