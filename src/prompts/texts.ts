// Every sentence a person reads, in English and German. `de` is typed against `en`, so a
// missing translation is a compile error. No logic here beyond filling in numbers and names.

import type { CheckInRefusal } from "../core/checkins/nudges.js";
import type { Language } from "../core/shared/model.js";
import { dashboardTexts } from "./dashboardTexts.js";
import { vocabularyTexts } from "./vocabularyTexts.js";

const en = {
  nudgeTitle: "Your customer-focus check-in",
  nudgeIntro: "A minute for yourself: how did this week go?",
  nudgeIntroAll: "A minute for yourself: the five questions of the week.",
  scaleHint: "1 = hardly · 5 = fully",
  addReflection: "Add a reflection",
  snooze: "Snooze until tomorrow",
  skip: "Skip",
  answered: (rating: number, label: string) => `✅ Your answer: **${rating} – ${label}**`,
  changeHint: "Changed your mind? Just click another rating.",
  streak: (weeks: number) =>
    weeks <= 1 ? "🌱 First week of your streak — see you next time." : `🔥 Streak: ${weeks} weeks in a row`,
  snoozed: (time: string) => `😴 Snoozed. I'll ask again tomorrow at ${time}.`,
  skipped: "⏭️ Skipped — no worries, see you next time.",
  notYourNudge: "This check-in belongs to someone else.",
  nudgeGone: "This check-in is no longer available.",
  checkinLeadersOnly:
    "Check-ins are for leaders, and you are not on the leaders list. An admin can add you with `{cmd:admin leaders add}`.",

  reflectionTitle: "Reflection",
  checkinTitle: "Check-in",
  save: "Save",
  cancel: "Cancel",
  ratingLabel: "Your rating",
  reflectionLabel: "How did I show it? (optional)",
  reflectionPlaceholder: "A moment, a conversation, a decision…",
  reflectionTooLong: (max: number) => `Please keep it under ${max} characters.`,
  ratingMissing: "Please choose a rating.",
  checkinSaved: "✅ Saved. Thank you for taking the minute.",

  meTitle: "Your customer focus — last 12 weeks",
  meEmpty: "No check-ins yet. Answer your next nudge, or start now with `{cmd:checkin}`.",
  meAverage: (avg: string) => `avg ${avg}`,
  meNoAnswers: "no answers yet",
  mePaused: (until: string) => `⏸️ Nudges paused until ${until}. Resume with \`{cmd:me resume}\`.`,
  meHelp:
    "`{cmd:me}` your trend · `{cmd:me pause 2w}` pause nudges · `{cmd:me resume}` · `{cmd:checkin}` answer now · `{cmd:mirror}` your leader mirror (how the people you ask see you)",
  paused: (until: string) => `⏸️ Paused. No nudges until ${until}. \`{cmd:me resume}\` brings them back earlier.`,
  resumed: "▶️ Welcome back — your nudges are on again.",
  pauseUsage: "Tell me how long, for example `{cmd:me pause 2w}` (days: `10d`, weeks: `3w`, at most 26 weeks).",
  notALeader:
    "You are not on the leaders list yet, so there is nothing to pause. An admin can add you with `{cmd:admin leaders add}`.",

  homeTitle: "Kundennah",
  homeIntro:
    "Small, regular, honest reflection on customer focus. You get one short question on a schedule; your answers are yours — nobody else sees individual ratings.",
  homeNext: (when: string) => `Next nudge: ${when}`,

  notAdmin: "Sorry, only workspace admins and the admins named in the Kundennah configuration can do that.",
  adminHelp: [
    "**Kundennah admin commands**",
    "`{cmd:admin leaders add @anna @ben}` — nudge these people",
    "`{cmd:admin leaders remove @ben}` · `{cmd:admin leaders list}`",
    "`{cmd:admin admins add @carla}` · `admins remove @carla` · `admins list` — more Kundennah admins",
    "`{cmd:admin schedule weekly mon 09:00}` — one question a week, rotating (default)",
    "`{cmd:admin schedule workdays 08:30}` — Monday care … Friday contact",
    "`{cmd:admin schedule weekly-all fri 16:00}` — all five questions once a week",
    "`{cmd:admin weekends on|off}` · `{cmd:admin language de|en}` · `{cmd:admin timezone Europe/Berlin}`",
    "`{cmd:admin settings}` — the same in a form",
    "`{cmd:admin nudge-now}` — send the current nudges right away to test the setup",
    "`{cmd:admin suggestions-channel #customer-ideas}` — where suggestions are shared",
    "`{cmd:admin ask-schedule #team 1 10:00}` — ask a channel for suggestions every month (`off` to stop)",
    dashboardTexts("en").help,
    "`{cmd:admin reminders on|off}` — one gentle reminder the next working day for an unanswered nudge (default on)",
    "`{cmd:admin mirror schedule quarterly|off}` — a leader mirror round for every leader with a raters list at the start of each quarter",
    vocabularyTexts("en").help,
  ].join("\n"),
  unknownAdminCommand: (text: string) => `I don't know \`${text}\`. Here is what I can do:`,
  mentionUsage: "Mention the people, for example `{cmd:admin leaders add @anna @ben}`.",
  leadersAdded: (names: string) =>
    `✅ Added as leaders: ${names}. They will get their first nudge at the next scheduled time.`,
  leadersRemoved: (names: string) => `Removed from the leaders: ${names}.`,
  leadersList: (names: string, count: number) => `**Leaders (${count}):** ${names}`,
  noLeaders: "No leaders yet. Add some with `{cmd:admin leaders add @anna @ben}`.",
  adminsAdded: (names: string) => `✅ Now also Kundennah admins: ${names}.`,
  adminsRemoved: (names: string) =>
    `No longer Kundennah admins: ${names} (workspace admins and KUNDENNAH_ADMINS stay admins).`,
  adminsList: (names: string) =>
    `**Kundennah admins named here:** ${names} — plus the workspace's own admins and KUNDENNAH_ADMINS.`,
  noAdmins:
    "No extra admins named here; the workspace's own admins and KUNDENNAH_ADMINS are admins. Add some with `{cmd:admin admins add @anna}`.",
  scheduleUsage:
    "Examples: `{cmd:admin schedule weekly mon 09:00}`, `{cmd:admin schedule workdays 08:30}`, `{cmd:admin schedule weekly-all fri 16:00}`.",
  scheduleSaved: (summary: string) => `✅ Schedule saved: ${summary}.`,
  languageUsage: "Use `{cmd:admin language de}` or `{cmd:admin language en}`.",
  languageSaved: "✅ Default language: English.",
  timezoneUsage: "Use an IANA time zone, for example `{cmd:admin timezone Europe/Berlin}`.",
  timezoneSaved: (tz: string) => `✅ Default time zone for people without one in their profile: ${tz}.`,
  weekendsUsage: "Use `{cmd:admin weekends on}` or `{cmd:admin weekends off}`.",
  remindersUsage: "Use `{cmd:admin reminders on}` or `{cmd:admin reminders off}`.",
  remindersOn:
    "✅ Reminders are on: a nudge left unanswered gets one gentle reminder the next working day at the same time — never more.",
  remindersOff: "✅ Reminders are off: each nudge is sent once, without a reminder.",
  /** The one reminder for an unanswered nudge; `sameWeek` when the nudge's week is still running. */
  reminder: (sameWeek: boolean) =>
    `⏰ Still a minute for ${sameWeek ? "this" : "last"} week's question? It's right above — one click is enough.`,
  nudgeNowStarted: (count: number) => `Sending the current nudge to ${count} leader(s)…`,
  nudgeNowDone: (sent: number, failed: number) =>
    failed === 0
      ? `✅ Sent ${sent} nudge(s).`
      : `Sent ${sent} nudge(s); ${failed} could not be delivered and will be retried.`,
  nudgeNowNone: "There are no active leaders to nudge. Add some with `{cmd:admin leaders add @anna}`.",

  settingsTitle: "Kundennah settings",
  settingsCadence: "Rhythm",
  cadenceWeekly: "Weekly — one question, rotating",
  cadenceWorkdays: "Every workday — Monday care … Friday contact",
  cadenceWeeklyAll: "Weekly — all five questions",
  settingsWeekday: "Day (weekly rhythms)",
  settingsTime: "Time of day (each person's local time)",
  settingsLanguage: "Default language",
  settingsWeekends: "Weekends",
  settingsWeekendsOption: "Also nudge on Saturdays and Sundays",
  settingsSaved: "✅ Settings saved.",
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  scheduleSummary: (cadence: string, day: string, time: string, weekends: boolean) =>
    `${cadence}${day ? `, ${day}` : ""} at ${time}${weekends ? ", weekends included" : ""}`,

  genericError: "Something went wrong on my side, sorry. Please try again in a minute.",
  weeks: "weeks",

  // Teams only: the welcome on install, the local try-out, and the `help` of a bot you type to
  // (Slack has slash commands and their own hints instead). The admin help differs in meaning:
  // channel settings are typed in the channel itself, there is no settings form, `me` adds yourself.
  teamsWelcome:
    "👋 Hi, I'm **Kundennah**. Once an admin adds you as a leader, I'll send you one short customer-focus question on a schedule, right here. Your answers are yours — nobody else sees individual ratings. Type `help` to see what I can do.",
  teamsLocalHint:
    "🧪 Local try-out (no Azure account, not authenticated): everyone here is an admin. Try `leaders add me`, then `nudge-now`.",
  teamsHelp: [
    "**What you can type here**",
    "`checkin` — answer the current question now",
    "`me` — your last 12 weeks per question, privately",
    "`pause 2w` — pause your nudges (days `10d`, weeks `3w`, at most 26 weeks) · `resume`",
    "`help` — this list",
  ].join("\n"),
  teamsAdminHelp: [
    "**Admin commands**",
    "`leaders add @Anna @Ben` — nudge these people (`leaders add me` adds yourself)",
    "`leaders remove @Ben` · `leaders list`",
    "`schedule weekly mon 09:00` — one question a week, rotating (default)",
    "`schedule workdays 08:30` — Monday care … Friday contact",
    "`schedule weekly-all fri 16:00` — all five questions once a week",
    "`weekends on|off` · `language de|en` · `timezone Europe/Berlin`",
    "`reminders on|off` — one gentle reminder the next working day for an unanswered nudge (default on)",
    "`mirror schedule quarterly|off` — a leader mirror round for every leader with a raters list at the start of each quarter",
    "`nudge-now` — send the current nudges right away to test the setup",
  ].join("\n"),
  teamsSettings: (summary: string) =>
    `Current schedule: ${summary}. Change it with \`schedule weekly mon 09:00\` (see \`help\`).`,
  teamsPersonalOnly:
    "Let's talk about this in our personal chat — open Kundennah from the app bar and type `help` there.",
};

export type Texts = typeof en;

const de: Texts = {
  nudgeTitle: "Dein Kundenfokus-Check-in",
  nudgeIntro: "Eine Minute für dich: Wie lief diese Woche?",
  nudgeIntroAll: "Eine Minute für dich: die fünf Fragen der Woche.",
  scaleHint: "1 = kaum · 5 = voll und ganz",
  addReflection: "Gedanken notieren",
  snooze: "Morgen erinnern",
  skip: "Überspringen",
  answered: (rating, label) => `✅ Deine Antwort: **${rating} – ${label}**`,
  changeHint: "Anders entschieden? Klick einfach eine andere Bewertung.",
  streak: (weeks) =>
    weeks <= 1 ? "🌱 Erste Woche deiner Serie — bis zum nächsten Mal." : `🔥 Serie: ${weeks} Wochen in Folge`,
  snoozed: (time) => `😴 Verschoben. Ich frage morgen um ${time} Uhr wieder.`,
  skipped: "⏭️ Übersprungen — kein Problem, bis zum nächsten Mal.",
  notYourNudge: "Dieser Check-in gehört jemand anderem.",
  nudgeGone: "Dieser Check-in ist nicht mehr verfügbar.",
  checkinLeadersOnly:
    "Check-ins sind für Führungskräfte, und du stehst nicht auf der Liste der Führungskräfte. Ein Admin kann dich mit `{cmd:admin leaders add}` hinzufügen.",

  reflectionTitle: "Gedanken",
  checkinTitle: "Check-in",
  save: "Speichern",
  cancel: "Abbrechen",
  ratingLabel: "Deine Bewertung",
  reflectionLabel: "Wie habe ich es gezeigt? (optional)",
  reflectionPlaceholder: "Ein Moment, ein Gespräch, eine Entscheidung …",
  reflectionTooLong: (max) => `Bitte höchstens ${max} Zeichen.`,
  ratingMissing: "Bitte wähle eine Bewertung.",
  checkinSaved: "✅ Gespeichert. Danke, dass du dir die Minute genommen hast.",

  meTitle: "Dein Kundenfokus — die letzten 12 Wochen",
  meEmpty: "Noch keine Check-ins. Beantworte den nächsten Impuls oder starte jetzt mit `{cmd:checkin}`.",
  meAverage: (avg) => `Ø ${avg}`,
  meNoAnswers: "noch keine Antworten",
  mePaused: (until) => `⏸️ Impulse pausiert bis ${until}. Weiter mit \`{cmd:me resume}\`.`,
  meHelp:
    "`{cmd:me}` dein Verlauf · `{cmd:me pause 2w}` Impulse pausieren · `{cmd:me resume}` · `{cmd:checkin}` jetzt antworten · `{cmd:mirror}` dein Führungsspiegel (wie die Gefragten dich erleben)",
  paused: (until) => `⏸️ Pausiert. Keine Impulse bis ${until}. Mit \`{cmd:me resume}\` geht es früher weiter.`,
  resumed: "▶️ Willkommen zurück — deine Impulse sind wieder aktiv.",
  pauseUsage: "Sag mir, wie lange, z. B. `{cmd:me pause 2w}` (Tage: `10d`, Wochen: `3w`, höchstens 26 Wochen).",
  notALeader:
    "Du stehst noch nicht auf der Liste der Führungskräfte, es gibt also nichts zu pausieren. Ein Admin kann dich mit `{cmd:admin leaders add}` hinzufügen.",

  homeTitle: "Kundennah",
  homeIntro:
    "Kleine, regelmäßige, ehrliche Reflexion über Kundenfokus. Du bekommst regelmäßig eine kurze Frage; deine Antworten gehören dir — niemand sonst sieht einzelne Bewertungen.",
  homeNext: (when) => `Nächster Impuls: ${when}`,

  notAdmin: "Das dürfen leider nur Workspace-Admins und die in der Kundennah-Konfiguration genannten Admins.",
  adminHelp: [
    "**Kundennah-Admin-Befehle**",
    "`{cmd:admin leaders add @anna @ben}` — diese Personen erhalten Impulse",
    "`{cmd:admin leaders remove @ben}` · `{cmd:admin leaders list}`",
    "`{cmd:admin admins add @carla}` · `admins remove @carla` · `admins list` — weitere Kundennah-Admins",
    "`{cmd:admin schedule weekly mon 09:00}` — eine Frage pro Woche, rotierend (Standard)",
    "`{cmd:admin schedule workdays 08:30}` — Montag Kundenwohl … Freitag Kundenkontakt",
    "`{cmd:admin schedule weekly-all fri 16:00}` — alle fünf Fragen einmal pro Woche",
    "`{cmd:admin weekends on|off}` · `{cmd:admin language de|en}` · `{cmd:admin timezone Europe/Berlin}`",
    "`{cmd:admin settings}` — dasselbe als Formular",
    "`{cmd:admin nudge-now}` — die aktuellen Impulse sofort senden, um die Einrichtung zu testen",
    "`{cmd:admin suggestions-channel #kundenideen}` — wo Vorschläge geteilt werden",
    "`{cmd:admin ask-schedule #team 1 10:00}` — einen Kanal jeden Monat nach Vorschlägen fragen (`off` zum Beenden)",
    dashboardTexts("de").help,
    "`{cmd:admin reminders on|off}` — eine freundliche Erinnerung am nächsten Arbeitstag, wenn ein Impuls unbeantwortet blieb (Standard: an)",
    "`{cmd:admin mirror schedule quarterly|off}` — zu Beginn jedes Quartals eine Spiegel-Runde für jede Führungskraft mit Personenliste",
    vocabularyTexts("de").help,
  ].join("\n"),
  unknownAdminCommand: (text) => `\`${text}\` kenne ich nicht. Das kann ich:`,
  mentionUsage: "Erwähne die Personen, z. B. `{cmd:admin leaders add @anna @ben}`.",
  leadersAdded: (names) =>
    `✅ Als Führungskräfte hinzugefügt: ${names}. Sie erhalten ihren ersten Impuls zum nächsten geplanten Zeitpunkt.`,
  leadersRemoved: (names) => `Aus den Führungskräften entfernt: ${names}.`,
  leadersList: (names, count) => `**Führungskräfte (${count}):** ${names}`,
  noLeaders: "Noch keine Führungskräfte. Füge welche mit `{cmd:admin leaders add @anna @ben}` hinzu.",
  adminsAdded: (names) => `✅ Jetzt auch Kundennah-Admins: ${names}.`,
  adminsRemoved: (names) =>
    `Keine Kundennah-Admins mehr: ${names} (Workspace-Admins und KUNDENNAH_ADMINS bleiben Admins).`,
  adminsList: (names) =>
    `**Hier benannte Kundennah-Admins:** ${names} — dazu die Admins des Workspace und KUNDENNAH_ADMINS.`,
  noAdmins:
    "Keine zusätzlichen Admins benannt; die Admins des Workspace und KUNDENNAH_ADMINS sind Admins. Füge welche mit `{cmd:admin admins add @anna}` hinzu.",
  scheduleUsage:
    "Beispiele: `{cmd:admin schedule weekly mon 09:00}`, `{cmd:admin schedule workdays 08:30}`, `{cmd:admin schedule weekly-all fri 16:00}`.",
  scheduleSaved: (summary) => `✅ Rhythmus gespeichert: ${summary}.`,
  languageUsage: "Nutze `{cmd:admin language de}` oder `{cmd:admin language en}`.",
  languageSaved: "✅ Standardsprache: Deutsch.",
  timezoneUsage: "Nutze eine IANA-Zeitzone, z. B. `{cmd:admin timezone Europe/Berlin}`.",
  timezoneSaved: (tz) => `✅ Standard-Zeitzone für Personen ohne Zeitzone im Profil: ${tz}.`,
  weekendsUsage: "Nutze `{cmd:admin weekends on}` oder `{cmd:admin weekends off}`.",
  remindersUsage: "Nutze `{cmd:admin reminders on}` oder `{cmd:admin reminders off}`.",
  remindersOn:
    "✅ Erinnerungen sind an: Ein unbeantworteter Impuls bekommt am nächsten Arbeitstag zur selben Zeit eine freundliche Erinnerung — nie mehr als eine.",
  remindersOff: "✅ Erinnerungen sind aus: Jeder Impuls kommt einmal, ohne Erinnerung.",
  reminder: (sameWeek) =>
    `⏰ Noch eine Minute für die Frage ${sameWeek ? "dieser" : "der letzten"} Woche? Sie steht direkt darüber — ein Klick genügt.`,
  nudgeNowStarted: (count) => `Sende den aktuellen Impuls an ${count} Führungskraft/-kräfte …`,
  nudgeNowDone: (sent, failed) =>
    failed === 0
      ? `✅ ${sent} Impuls(e) gesendet.`
      : `${sent} Impuls(e) gesendet; ${failed} konnten nicht zugestellt werden und werden erneut versucht.`,
  nudgeNowNone: "Es gibt keine aktiven Führungskräfte. Füge welche mit `{cmd:admin leaders add @anna}` hinzu.",

  settingsTitle: "Kundennah-Einstellungen",
  settingsCadence: "Rhythmus",
  cadenceWeekly: "Wöchentlich — eine Frage, rotierend",
  cadenceWorkdays: "Jeden Werktag — Montag Kundenwohl … Freitag Kundenkontakt",
  cadenceWeeklyAll: "Wöchentlich — alle fünf Fragen",
  settingsWeekday: "Tag (wöchentliche Rhythmen)",
  settingsTime: "Uhrzeit (Ortszeit der jeweiligen Person)",
  settingsLanguage: "Standardsprache",
  settingsWeekends: "Wochenenden",
  settingsWeekendsOption: "Auch samstags und sonntags erinnern",
  settingsSaved: "✅ Einstellungen gespeichert.",
  weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  scheduleSummary: (cadence, day, time, weekends) =>
    `${cadence}${day ? `, ${day}` : ""} um ${time} Uhr${weekends ? ", inklusive Wochenende" : ""}`,

  genericError: "Da ist bei mir etwas schiefgelaufen, sorry. Bitte versuch es in einer Minute noch einmal.",
  weeks: "Wochen",

  teamsWelcome:
    "👋 Hallo, ich bin **Kundennah**. Sobald ein Admin dich als Führungskraft hinzufügt, schicke ich dir hier regelmäßig eine kurze Frage zum Kundenfokus. Deine Antworten gehören dir — niemand sonst sieht einzelne Bewertungen. Schreib `help`, um zu sehen, was ich kann.",
  teamsLocalHint:
    "🧪 Lokaler Testbetrieb (ohne Azure-Konto, nicht authentifiziert): hier ist jede Person Admin. Probier `leaders add me`, dann `nudge-now`.",
  teamsHelp: [
    "**Was du hier schreiben kannst**",
    "`checkin` — die aktuelle Frage jetzt beantworten",
    "`me` — deine letzten 12 Wochen pro Frage, nur für dich",
    "`pause 2w` — Impulse pausieren (Tage `10d`, Wochen `3w`, höchstens 26 Wochen) · `resume`",
    "`help` — diese Liste",
  ].join("\n"),
  teamsAdminHelp: [
    "**Admin-Befehle**",
    "`leaders add @Anna @Ben` — diese Personen erhalten Impulse (`leaders add me` fügt dich selbst hinzu)",
    "`leaders remove @Ben` · `leaders list`",
    "`schedule weekly mon 09:00` — eine Frage pro Woche, rotierend (Standard)",
    "`schedule workdays 08:30` — Montag Kundenwohl … Freitag Kundenkontakt",
    "`schedule weekly-all fri 16:00` — alle fünf Fragen einmal pro Woche",
    "`weekends on|off` · `language de|en` · `timezone Europe/Berlin`",
    "`reminders on|off` — eine freundliche Erinnerung am nächsten Arbeitstag, wenn ein Impuls unbeantwortet blieb (Standard: an)",
    "`mirror schedule quarterly|off` — zu Beginn jedes Quartals eine Spiegel-Runde für jede Führungskraft mit Personenliste",
    "`nudge-now` — die aktuellen Impulse sofort senden, um die Einrichtung zu testen",
  ].join("\n"),
  teamsSettings: (summary) =>
    `Aktueller Rhythmus: ${summary}. Ändern mit \`schedule weekly mon 09:00\` (siehe \`help\`).`,
  teamsPersonalOnly:
    "Lass uns das in unserem persönlichen Chat besprechen — öffne Kundennah in der App-Leiste und schreib dort `help`.",
};

export const TEXTS: Record<Language, Texts> = { en, de };

export function texts(language: Language): Texts {
  return TEXTS[language];
}

/** What a person is told when the core did not take their check-in. */
export function checkInRefusalText(t: Texts, reason: CheckInRefusal["reason"]): string {
  return { "not-found": t.nudgeGone, "not-yours": t.notYourNudge, "not-leader": t.checkinLeadersOnly }[reason];
}
