// Texts of customer presence and the weekly digest, English and German.

import type { Tone } from "../core/presence/classifier.js";
import type { Language } from "../core/shared/model.js";

/** "2026-W07" → 7 */
const weekNumber = (isoWeek: string) => Number(isoWeek.slice(isoWeek.indexOf("W") + 1));

const en = {
  notice: (minAuthors: number) =>
    `👋 Hi, I'm **Kundennah**. In this channel I count how often customers come up and in what tone — I never store the messages themselves, and figures are reported per channel and week only when at least ${minAuthors} people wrote. An admin can switch this off with \`{cmd:admin channel exclude #this-channel}\`, or simply remove me from the channel.`,
  excluded: (channel: string, deleted: number) =>
    `✅ ${channel} is no longer measured; ${deleted} stored signal(s) were deleted.`,
  included: (channel: string) => `✅ ${channel} is measured again from now on.`,
  digestChannelAdded: (channel: string, when: string) =>
    `✅ The weekly digest goes to ${channel} ${when}. Preview it now with \`{cmd:admin digest-now}\`.`,
  digestChannelRemoved: (channel: string) => `${channel} no longer receives the weekly digest.`,
  digestTimeSaved: (when: string) => `✅ The weekly digest goes out ${when}.`,
  digestWhen: (day: string, time: string) => `every ${day} at ${time}`,
  llmOn:
    "✅ The LLM classifier is on. Channel message text is now sent to the configured OpenAI-compatible service for classification (never stored). `{cmd:admin presence llm off}` switches it off.",
  llmOff: "✅ The LLM classifier is off; the built-in classifier runs on this server only.",
  llmNotConfigured: "The LLM classifier needs `OPENAI_API_KEY` in the bot's configuration first.",
  presenceUsage:
    "Use `{cmd:admin channel exclude #channel}`, `{cmd:admin channel include #channel}`, `{cmd:admin presence llm on|off}`, `{cmd:admin presence industry …}` or `{cmd:admin presence terms add|remove|list …}`.",
  digestTimeUsage: "For example `{cmd:admin digest-time mon 09:00}`.",
  digestPreviewSent: "📬 I sent you a preview of last week's digest as a direct message.",

  digestTitle: (week: string) => `Customer presence — week ${week}`,
  digestIntro: (minAuthors: number) =>
    `How often customers came up in team conversation, and in what tone. Channels where fewer than ${minAuthors} people wrote are combined under "other channels". No message is stored.`,
  previewNote: "Preview — only you see this.",
  workspaceLabel: "Whole workspace",
  otherChannels: "Other channels",
  line: (messages: string, share: string, change: string) =>
    `${messages} messages · **${share}** about customers ${change}`.trimEnd(),
  /** The tone of the messages about customers, named for what it measures (the whole workspace). */
  toneLine: (appreciative: string, factual: string, disparaging: string) =>
    `How the team speaks about customers: appreciative ${appreciative} · factual ${factual} · disparaging ${disparaging}`,
  /** The same, short, for each channel under the workspace line that named it. */
  toneShort: (appreciative: string, factual: string, disparaging: string) =>
    `appreciative ${appreciative} · factual ${factual} · disparaging ${disparaging}`,
  toneLegend:
    "_Tone_ is how the team speaks about customers, not how customers feel: a complaint or a cancellation reported matter-of-factly counts as factual; disparaging means speaking badly of customers.",
  toneNone: "no message about customers, so no tone",
  hidden: {
    "no-messages": "no messages measured this week",
    "few-authors": (minAuthors: number) => `shown when at least ${minAuthors} people wrote in the week — fewer did`,
    "small-rest": (minAuthors: number) =>
      `hidden this week: fewer than ${minAuthors} people wrote in the channels folded into "other channels", and the whole would give them away`,
  },
  noChange: "",
  change: (points: string) => `(${points} pts)`,
  notEnough: "too few people wrote",
  trend: "8-week trend",
  moreChannels: (n: number) => `…and ${n} more channels.`,
  noData: "No channel messages were measured this week. Invite me to team channels to start.",
  leadersTitle: "Leaders",
  leadersLine: (answered: string, nudged: number) => `${answered} of ${nudged} nudges answered`,
  leadersTooFew: (minAuthors: number, leaders: number) =>
    `Answer rate shown when at least ${minAuthors} leaders were nudged — ${leaders === 1 ? "1 was" : `${leaders} were`}.`,
  leadersNone: "No nudges went out this week.",
  leadersAverages: "Average rating per question",
  leadersHiddenAverage: (question: string, minAuthors: number, answered: number) =>
    `${question}: shown when at least ${minAuthors} leaders answered — ${answered === 0 ? "none" : answered} did`,
  suggestionsTitle: "Suggestions",
  suggestionsLine: (created: number, answered: string | null) =>
    `${created} new this week · ${answered === null ? "no suggestions in the last 8 weeks to answer yet" : `${answered} of the last 8 weeks' suggestions answered`}`,
  suggestionsTop: "Top voted",
  bulletsTitle: "What moved this week",
  chartTitle: (weeks: number, week: string) => `Share of messages about customers, ${weeks} weeks to ${week}`,
  chartWeek: (isoWeek: string) => `W${weekNumber(isoWeek)}`,
  chartAxis: "Share of all messages",
  chartAxisPercent: "Share of all messages (%)",
  /** Tone is how the team speaks about customers, not how customers feel. */
  toneTitle: "How the team speaks about customers",
  tones: { positive: "appreciative", neutral: "factual", negative: "disparaging" } as Record<Tone, string>,
  // Teams only: channel commands are typed in the channel itself, mentioning the bot, and
  // channels without a known name are numbered.
  teamsNotice: (minAuthors: number) =>
    `👋 Hi, I'm **Kundennah**. Here I count how often customers come up and in what tone — I never store the messages themselves, and figures are reported per channel and week only when at least ${minAuthors} people wrote. An admin can switch this off by typing \`@Kundennah channel exclude\` in the channel, or simply remove me.`,
  teamsChannelUsage:
    "Type `@Kundennah digest-channel` in the team channel that should receive the weekly digest (`digest-channel remove` to stop).",
  teamsPresenceUsage:
    "In the channel itself, type `@Kundennah channel exclude` or `@Kundennah channel include`; anywhere: `presence llm on|off`, `presence industry …`, `presence terms add|remove|list …`.",
  teamsChannelLabel: (n: number) => `Channel ${n}`,
  teamsAdminHint: [
    "**Customer presence** (in a team channel, mentioning me):",
    "`digest-channel` — the weekly digest goes to this channel · `digest-time mon 09:00` · `digest-now` — a private preview",
    "`channel exclude` / `channel include` — stop or resume measuring this channel · `presence llm on|off`",
  ].join("\n"),
};

export type PresenceTexts = typeof en;

const de: PresenceTexts = {
  notice: (minAuthors: number) =>
    `👋 Hallo, ich bin **Kundennah**. In diesem Kanal zähle ich, wie oft Kunden zur Sprache kommen und in welchem Ton — die Nachrichten selbst speichere ich nie, und Zahlen gibt es pro Kanal und Woche nur, wenn mindestens ${minAuthors} Personen geschrieben haben. Ein Admin kann das mit \`{cmd:admin channel exclude #dieser-kanal}\` ausschalten, oder ihr entfernt mich einfach aus dem Kanal.`,
  excluded: (channel, deleted) =>
    `✅ ${channel} wird nicht mehr gemessen; ${deleted} gespeicherte Signal(e) wurden gelöscht.`,
  included: (channel) => `✅ ${channel} wird ab jetzt wieder gemessen.`,
  digestChannelAdded: (channel, when) =>
    `✅ Der Wochenbericht geht ${when} an ${channel}. Vorschau jetzt mit \`{cmd:admin digest-now}\`.`,
  digestChannelRemoved: (channel) => `${channel} erhält den Wochenbericht nicht mehr.`,
  digestTimeSaved: (when) => `✅ Der Wochenbericht geht ${when} raus.`,
  digestWhen: (day, time) => `jeden ${day} um ${time} Uhr`,
  llmOn:
    "✅ Der LLM-Klassifikator ist an. Kanalnachrichten werden jetzt zur Einordnung an den konfigurierten OpenAI-kompatiblen Dienst gesendet (nie gespeichert). `{cmd:admin presence llm off}` schaltet ihn aus.",
  llmOff: "✅ Der LLM-Klassifikator ist aus; der eingebaute Klassifikator läuft nur auf diesem Server.",
  llmNotConfigured: "Der LLM-Klassifikator braucht zuerst `OPENAI_API_KEY` in der Konfiguration des Bots.",
  presenceUsage:
    "Nutze `{cmd:admin channel exclude #kanal}`, `{cmd:admin channel include #kanal}`, `{cmd:admin presence llm on|off}`, `{cmd:admin presence industry …}` oder `{cmd:admin presence terms add|remove|list …}`.",
  digestTimeUsage: "Zum Beispiel `{cmd:admin digest-time mon 09:00}`.",
  digestPreviewSent: "📬 Ich habe dir eine Vorschau des Berichts der letzten Woche als Direktnachricht geschickt.",

  digestTitle: (week) => `Kundenpräsenz — Woche ${week}`,
  digestIntro: (minAuthors) =>
    `Wie oft Kunden in Teamgesprächen vorkamen und in welchem Ton. Kanäle, in denen weniger als ${minAuthors} Personen geschrieben haben, sind unter „Weitere Kanäle“ zusammengefasst. Keine Nachricht wird gespeichert.`,
  previewNote: "Vorschau — nur du siehst das.",
  workspaceLabel: "Gesamter Workspace",
  otherChannels: "Weitere Kanäle",
  line: (messages, share, change) => `${messages} Nachrichten · **${share}** über Kunden ${change}`.trimEnd(),
  toneLine: (appreciative, factual, disparaging) =>
    `Ton gegenüber Kunden: wertschätzend ${appreciative} · sachlich ${factual} · abwertend ${disparaging}`,
  toneShort: (appreciative, factual, disparaging) =>
    `wertschätzend ${appreciative} · sachlich ${factual} · abwertend ${disparaging}`,
  toneLegend:
    "Der _Ton_ beschreibt, wie das Team über Kunden spricht, nicht wie zufrieden Kunden sind: Eine Beschwerde oder Kündigung, sachlich berichtet, zählt als sachlich; abwertend heißt, abfällig über Kunden zu sprechen.",
  toneNone: "keine Nachricht über Kunden, daher kein Ton",
  hidden: {
    "no-messages": "diese Woche keine Nachrichten gemessen",
    "few-authors": (minAuthors) =>
      `sichtbar, wenn mindestens ${minAuthors} Personen in der Woche geschrieben haben — es waren weniger`,
    "small-rest": (minAuthors) =>
      `diese Woche verborgen: In den unter „Weitere Kanäle“ zusammengefassten Kanälen schrieben weniger als ${minAuthors} Personen, und die Gesamtzahl würde sie verraten`,
  },
  noChange: "",
  change: (points) => `(${points} Pkt.)`,
  notEnough: "zu wenige Personen",
  trend: "Verlauf 8 Wochen",
  moreChannels: (n) => `… und ${n} weitere Kanäle.`,
  noData: "Diese Woche wurden keine Kanalnachrichten gemessen. Lade mich in Teamkanäle ein, um zu starten.",
  leadersTitle: "Führungskräfte",
  leadersLine: (answered, nudged) => `${answered} von ${nudged} Impulsen beantwortet`,
  leadersTooFew: (minAuthors, leaders) =>
    `Antwortquote sichtbar, wenn mindestens ${minAuthors} Führungskräfte Impulse erhalten haben — es ${leaders === 1 ? "war 1" : `waren ${leaders}`}.`,
  leadersNone: "Diese Woche gingen keine Impulse raus.",
  leadersAverages: "Durchschnittliche Bewertung pro Frage",
  leadersHiddenAverage: (question, minAuthors, answered) =>
    `${question}: sichtbar, wenn mindestens ${minAuthors} Führungskräfte geantwortet haben — es ${answered === 1 ? "war 1" : `waren ${answered === 0 ? "keine" : answered}`}`,
  suggestionsTitle: "Vorschläge",
  suggestionsLine: (created, answered) =>
    `${created} neu diese Woche · ${answered === null ? "noch keine Vorschläge der letzten 8 Wochen zu beantworten" : `${answered} der Vorschläge der letzten 8 Wochen beantwortet`}`,
  suggestionsTop: "Meiste Stimmen",
  bulletsTitle: "Was sich diese Woche bewegt hat",
  chartTitle: (weeks, week) => `Anteil der Nachrichten über Kunden, ${weeks} Wochen bis ${week}`,
  chartWeek: (isoWeek) => `KW ${weekNumber(isoWeek)}`,
  chartAxis: "Anteil aller Nachrichten",
  chartAxisPercent: "Anteil aller Nachrichten (%)",
  toneTitle: "Wie das Team über Kunden spricht",
  tones: { positive: "wertschätzend", neutral: "sachlich", negative: "abwertend" },
  // Teams only: channel commands are typed in the channel itself, mentioning the bot, and
  // channels without a known name are numbered.
  teamsNotice: (minAuthors: number) =>
    `👋 Hallo, ich bin **Kundennah**. Hier zähle ich, wie oft Kunden zur Sprache kommen und in welchem Ton — die Nachrichten selbst speichere ich nie, und Zahlen gibt es pro Kanal und Woche nur, wenn mindestens ${minAuthors} Personen geschrieben haben. Ein Admin kann das ausschalten, indem er im Kanal \`@Kundennah channel exclude\` schreibt, oder ihr entfernt mich einfach.`,
  teamsChannelUsage:
    "Schreib `@Kundennah digest-channel` in den Teamkanal, der den Wochenbericht erhalten soll (`digest-channel remove` zum Beenden).",
  teamsPresenceUsage:
    "Schreib im Kanal selbst `@Kundennah channel exclude` oder `@Kundennah channel include`; überall: `presence llm on|off`, `presence industry …`, `presence terms add|remove|list …`.",
  teamsChannelLabel: (n) => `Kanal ${n}`,
  teamsAdminHint: [
    "**Kundenpräsenz** (in einem Teamkanal, mit Erwähnung von mir):",
    "`digest-channel` — der Wochenbericht geht in diesen Kanal · `digest-time mon 09:00` · `digest-now` — eine private Vorschau",
    "`channel exclude` / `channel include` — diesen Kanal nicht mehr / wieder messen · `presence llm on|off`",
  ].join("\n"),
};

const TEXTS: Record<Language, PresenceTexts> = { en, de };

export function presenceTexts(language: Language): PresenceTexts {
  return TEXTS[language];
}
