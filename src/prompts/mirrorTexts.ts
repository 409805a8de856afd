// Texts of the leader mirror (issue 12), English and German (`de` is typed against `en`).
// The raters' questions speak about the leader by name and without pronouns: we do not know
// (and do not ask) anyone's gender, and "Anna … ihr" would be wrong for half the leaders.
// Commands are neutral placeholders (src/views/copy.ts) that each door words its own way.

import type { MirrorLabel } from "../core/mirror/ports.js";
import type { RoundStatusView, ShareRefusal, StartRefusal } from "../core/mirror/service.js";
import type { Language } from "../core/shared/model.js";
import type { QuestionKey } from "../core/shared/questions.js";
import { longDate } from "./format.js";

/** German genitive of a name: "Annas", but "Hans'" and "Felix'". */
function genitiveDe(name: string): string {
  return /[sßxz]$/i.test(name) ? `${name}’` : `${name}s`;
}

const en = {
  /** The five questions about someone else, for the people a leader asked. */
  thirdPerson: (name: string): Record<QuestionKey, string> => ({
    care: `Does ${name} show in everyday work that customers' well-being really matters?`,
    presence: `When ${name} talks with the team, do customers come up regularly — and in a good light?`,
    importance: `Does ${name} talk about what customers mean for our company?`,
    ask: `Does ${name} regularly ask the team for ideas that would make things better for customers?`,
    contact: `Is ${name} in touch with customers personally, and does ${name} visibly set the example in customer focus?`,
  }),
  /** The same five, first person, for the leader's self-rating. */
  firstPerson: {
    care: "Do I show in everyday work that customers' well-being really matters to me?",
    presence: "When I talk with my team, do customers come up regularly — and in a good light?",
    importance: "Do I talk about what customers mean for our company?",
    ask: "Do I regularly ask my team for ideas that would make things better for customers?",
    contact: "Am I in touch with customers personally, and do I visibly set the example in customer focus?",
  } as Record<QuestionKey, string>,
  /** One concrete next step per question, offered where the leader rates themselves higher than the team does. */
  suggestion: {
    care: "In your next team meeting, tell one concrete customer story from the past week — what happened and what it meant for that customer — and ask what the team would have done.",
    presence:
      "Once a week, share a customer's words (a quote, a review, a support ticket) in your team channel and ask what we can learn from it.",
    importance:
      "With your next decision, say out loud what it changes for customers — and if it changes nothing for them, say why it is still worth doing.",
    ask: "Ask your team for customer ideas this week (`{cmd:ask}`) and answer every suggestion within seven days, including the ones you decline.",
    contact:
      "Join a customer call, a support shift or a customer visit this month, and tell your team afterwards what you heard.",
  } as Record<QuestionKey, string>,
  cantJudge: "Can't judge",
  rateLabels: { 1: "1 · Hardly", 2: "2 · Rarely", 3: "3 · Partly", 4: "4 · Mostly", 5: "5 · Fully" } as Record<
    1 | 2 | 3 | 4 | 5,
    string
  >,
  pick: "Choose…",
  submit: "Send",
  cancel: "Cancel",
  // Starting
  notLeader:
    "The mirror is for leaders: it shows a leader how their team sees their customer focus. Ask a Kundennah admin to add you as a leader.",
  usage: `Name at least three people who work with you: \`{cmd:mirror start @ben @carla @dan}\`. Also: \`{cmd:mirror raters @…}\` (the list for scheduled rounds), \`{cmd:mirror channels #team}\` (your team's channels), \`{cmd:mirror}\` (status).`,
  tooFew: (min: number) =>
    `Please name at least ${min} people — with fewer, an answer could be traced back to the person who gave it. Nothing was started.`,
  tooMany: (max: number) => `At most ${max} people per round, please. Nothing was started.`,
  selfNamed: "Your own view comes from your self-rating — please name only other people. Nothing was started.",
  invalidPeople: (names: string) =>
    `These can't take part: ${names}. Please name people in this workspace (no bots, nobody who has left). Nothing was started.`,
  why: { bot: "a bot", gone: "has left", "other-workspace": "another workspace", unknown: "not found" } as Record<
    "bot" | "gone" | "other-workspace" | "unknown",
    string
  >,
  started: (invited: number, closes: string) =>
    `🪞 Your mirror round has started: ${invited} people are asked, anonymously, until ${closes}. Please rate yourself on the same five questions — the card is in your direct messages. You'll get the results when the round closes.`,
  openStatus: (invited: number, answered: number, closes: string, selfRated: boolean) =>
    `🪞 A mirror round is already running: ${answered} of ${invited} have answered so far; it closes on ${closes}.${selfRated ? "" : " You haven't rated yourself yet — the card is in your direct messages."}`,
  noRound: `No mirror round is running. Start one with \`{cmd:mirror start @ben @carla @dan}\`.`,
  ratersSaved: (n: number) => `Saved: ${n} people will be asked when an admin's quarterly mirror starts.`,
  channelsSaved: (n: number) =>
    n === 0
      ? "No channels: your mirror shows no conversation figures."
      : `Saved: customer presence in ${n === 1 ? "this channel" : `these ${n} channels`} counts as your conversation evidence (only where enough people wrote).`,
  // Self-rating
  selfTitle: "Your mirror: how do you see yourself?",
  selfIntro: (invited: number, closes: string) =>
    `${invited} people are asked the same five questions about you until ${closes}. Rate yourself first — honestly; nobody but you sees this.`,
  selfButton: "Rate myself",
  selfSaved: "Thank you — your self-rating is saved. You'll get the comparison when the round closes.",
  selfIncomplete: "Please rate all five questions.",
  roundOver: "This mirror round has already closed.",
  notYours: "This card belongs to someone else's mirror round.",
  // Raters
  inviteTitle: (name: string) => `How do you see ${name}?`,
  inviteIntro: (name: string, closes: string) =>
    `${name} would like to know how you see their customer focus — five short questions, about two minutes. Your answer is anonymous: it is only added to totals, ${name} sees figures only once at least three people answered, and nothing stored links you to your answer. Open until ${closes}.`,
  inviteButton: "Answer",
  reminder: (name: string, closes: string) =>
    `A friendly reminder: ${name}'s mirror round closes on ${closes}. If you haven't answered yet, it takes two minutes.`,
  thanks: "Thank you — your answer is in. It was added to the totals anonymously.",
  already: "You have already answered this round — thank you. Each person answers once.",
  notInvited: "This question round wasn't sent to you, so it can't take an answer from you.",
  incomplete: 'Please answer all five questions ("Can\'t judge" is an answer, too).',
  // Results
  resultsTitle: "🪞 Your mirror",
  withheld: (min: number) =>
    `Your mirror round has closed. Not enough answers to show without identifying anyone (at least ${min} are needed), so nothing is shown — and the answers that came in were deleted.`,
  resultsIntro: (responses: number, invited: number) =>
    `${responses} of ${invited} people answered. Self is your view, Team the average of theirs (1–5).`,
  selfFromCheckIns:
    "You gave no self-rating this round, so Self is the average of your check-ins of the last 12 weeks.",
  noSelf: "You gave no self-rating and no recent check-ins, so there is nothing to compare with.",
  self: "Self",
  team: "Team",
  spread: "Spread",
  gap: "Gap",
  tooFewForQuestion: (min: number) => `Fewer than ${min} could judge this, so nothing is shown.`,
  label: { "blind-spot": "⚠️ Blind spot", "hidden-strength": "🌱 Hidden strength", aligned: "✅ Aligned" } as Record<
    MirrorLabel,
    string
  >,
  presenceEvidence: (share: string, positive: string | null, negative: string | null, channels: number) =>
    `Conversation: ${share} of messages in your team's ${channels === 1 ? "channel" : `${channels} channels`} were about customers${positive !== null ? ` (${positive} appreciative, ${negative} critical)` : ""}, last 4 weeks.`,
  askingEvidence: (asks: number, suggestions: number, days: number) =>
    `Conversation: you asked for suggestions ${asks === 1 ? "once" : `${asks} times`} in the last ${days} days; the people you asked sent ${suggestions} named suggestion${suggestions === 1 ? "" : "s"}.`,
  tryThis: "Try this",
  chartTitle: "Self vs team, per question (1–5)",
  share: "Share with my team",
  shareTitle: "Share your mirror",
  shareChannel: "Channel",
  shareDone: "Shared — the figures are posted in the channel.",
  shareNothing: "There is nothing to share from this round.",
  shareOpen: "This round is still running — you can share it once it has closed and you have seen the results.",
  shareNotTeamChannel:
    "You can share only into your team's channels. Type `@Kundennah mirror channels` in the channel first, then share again.",
  shareNoChannels:
    "I don't know your team's channel yet. Type `@Kundennah mirror channels` in it (its customer presence then counts as your conversation evidence, too) and share again.",
  shareSend: "Post in this channel",
  sharedTitle: (name: string) => `🪞 ${name}'s mirror — how the team sees it`,
  sharedIntro: (responses: number, invited: number) =>
    `${responses} of ${invited} people answered. Self is the leader's own view, Team the average of the answers (1–5).`,
  // /cx-me and App Home
  meSection: "Mirror",
  meShow: "🪞 Show my mirror",
  meLast: (date: string) => `Last round, closed ${date}:`,
  meNone: `No mirror yet. Ask your team how they see you: \`{cmd:mirror start @ben @carla @dan}\`.`,
  meTrend: "Team figure across rounds",
  /** The mirror's line in Teams' `help`, for leaders. */
  teamsHelpHint:
    "`mirror` — your leader mirror: how the people you ask see your customer focus, next to your own view (`mirror start @Ben @Carla @Dan`; `mirror help`). `me` shows your last mirror.",
  // Admin
  scheduleSet: (on: boolean): string =>
    on
      ? "Quarterly mirror on: at the start of each quarter, every leader with a raters list gets a round."
      : "Quarterly mirror off.",
  scheduleUsage: `Use \`{cmd:admin mirror schedule quarterly}\` or \`{cmd:admin mirror schedule off}\`.`,
  // Digest
  orgTitle: (quarter: string, leaders: number) => `🪞 Organisation mirror ${quarter} (${leaders} leaders)`,
  orgLine: (question: string, self: string, team: string, share: string) =>
    `${question}: self ${self} · team ${team} · blind spot for ${share} of leaders`,
  orgTooFew: (question: string) => `${question}: too few leaders with figures`,
};

type MirrorTexts = typeof en;

const de: MirrorTexts = {
  thirdPerson: (name) => ({
    care: `Merkt man ${name} im Alltag an, dass das Kundenwohl wirklich zählt?`,
    presence: `Kommen Kunden in ${genitiveDe(name)} Gesprächen mit dem Team regelmäßig vor – und in gutem Licht?`,
    importance: `Spricht ${name} darüber, was die Kunden für unsere Firma bedeuten?`,
    ask: `Bittet ${name} das Team regelmäßig um Vorschläge, wie es für Kunden besser werden kann?`,
    contact: `Hat ${name} selbst Kundenkontakt und lebt Kundenorientierung sichtbar vor?`,
  }),
  firstPerson: {
    care: "Merkt man mir im Alltag an, dass mir das Kundenwohl wirklich wichtig ist?",
    presence: "Kommen Kunden in meinen Gesprächen mit dem Team regelmäßig vor – und in gutem Licht?",
    importance: "Spreche ich darüber, was die Kunden für unsere Firma bedeuten?",
    ask: "Bitte ich mein Team regelmäßig um Vorschläge, wie es für Kunden besser werden kann?",
    contact: "Habe ich selbst Kundenkontakt und lebe ich Kundenorientierung sichtbar vor?",
  },
  suggestion: {
    care: "Erzähl im nächsten Teamtreffen eine konkrete Kundengeschichte der letzten Woche – was passiert ist und was es für diesen Kunden bedeutet hat – und frag, wie das Team gehandelt hätte.",
    presence:
      "Teile einmal pro Woche eine Kundenstimme (ein Zitat, eine Bewertung, ein Support-Ticket) im Teamkanal und frag, was wir daraus lernen.",
    importance:
      "Sag bei deiner nächsten Entscheidung ausdrücklich, was sie für die Kunden ändert – und wenn sie nichts für sie ändert, warum sie sich trotzdem lohnt.",
    ask: "Bitte dein Team diese Woche um Kundenideen (`{cmd:ask}`) und beantworte jeden Vorschlag innerhalb von sieben Tagen, auch die abgelehnten.",
    contact:
      "Nimm diesen Monat an einem Kundengespräch, einer Support-Schicht oder einem Kundenbesuch teil und erzähl deinem Team danach, was du gehört hast.",
  },
  cantJudge: "Kann ich nicht beurteilen",
  rateLabels: { 1: "1 · Kaum", 2: "2 · Selten", 3: "3 · Teils", 4: "4 · Meistens", 5: "5 · Voll und ganz" },
  pick: "Auswählen …",
  submit: "Senden",
  cancel: "Abbrechen",
  notLeader:
    "Der Spiegel ist für Führungskräfte: Er zeigt, wie das Team ihre Kundenorientierung erlebt. Ein Admin kann dich mit `{cmd:admin leaders add}` als Führungskraft eintragen.",
  usage: `Nenne mindestens drei Personen, die mit dir arbeiten: \`{cmd:mirror start @ben @carla @dan}\`. Außerdem: \`{cmd:mirror raters @…}\` (die Liste für geplante Runden), \`{cmd:mirror channels #team}\` (die Kanäle deines Teams), \`{cmd:mirror}\` (Stand).`,
  tooFew: (min) =>
    `Bitte nenne mindestens ${min} Personen – bei weniger ließe sich eine Antwort der Person zuordnen, die sie gegeben hat. Es wurde nichts gestartet.`,
  tooMany: (max) => `Höchstens ${max} Personen pro Runde, bitte. Es wurde nichts gestartet.`,
  selfNamed:
    "Deine eigene Sicht kommt aus deiner Selbsteinschätzung – bitte nenne nur andere Personen. Es wurde nichts gestartet.",
  invalidPeople: (names) =>
    `Diese können nicht teilnehmen: ${names}. Bitte nenne Personen aus diesem Workspace (keine Bots, niemanden, der gegangen ist). Es wurde nichts gestartet.`,
  why: { bot: "ein Bot", gone: "nicht mehr da", "other-workspace": "anderer Workspace", unknown: "nicht gefunden" },
  started: (invited, closes) =>
    `🪞 Deine Spiegel-Runde läuft: ${invited} Personen werden anonym gefragt, bis ${closes}. Bitte schätz dich selbst zu denselben fünf Fragen ein – die Karte ist in deinen Direktnachrichten. Die Ergebnisse bekommst du, wenn die Runde endet.`,
  openStatus: (invited, answered, closes, selfRated) =>
    `🪞 Es läuft schon eine Spiegel-Runde: ${answered} von ${invited} haben bisher geantwortet; sie endet am ${closes}.${selfRated ? "" : " Deine Selbsteinschätzung fehlt noch – die Karte ist in deinen Direktnachrichten."}`,
  noRound: `Es läuft keine Spiegel-Runde. Starte eine mit \`{cmd:mirror start @ben @carla @dan}\`.`,
  ratersSaved: (n) => `Gespeichert: ${n} Personen werden gefragt, wenn der vierteljährliche Spiegel startet.`,
  channelsSaved: (n) =>
    n === 0
      ? "Keine Kanäle: Dein Spiegel zeigt keine Gesprächszahlen."
      : `Gespeichert: Die Kundenpräsenz in ${n === 1 ? "diesem Kanal" : `diesen ${n} Kanälen`} zählt als dein Gesprächsbefund (nur wo genug Personen geschrieben haben).`,
  selfTitle: "Dein Spiegel: Wie siehst du dich selbst?",
  selfIntro: (invited, closes) =>
    `${invited} Personen beantworten bis ${closes} dieselben fünf Fragen über dich. Schätz dich zuerst selbst ein – ehrlich; niemand außer dir sieht das.`,
  selfButton: "Selbst einschätzen",
  selfSaved: "Danke – deine Selbsteinschätzung ist gespeichert. Den Vergleich bekommst du, wenn die Runde endet.",
  selfIncomplete: "Bitte beantworte alle fünf Fragen.",
  roundOver: "Diese Spiegel-Runde ist bereits beendet.",
  notYours: "Diese Karte gehört zur Spiegel-Runde einer anderen Person.",
  inviteTitle: (name) => `Wie erlebst du ${name}?`,
  inviteIntro: (name, closes) =>
    `${name} möchte wissen, wie du ${genitiveDe(name)} Kundenorientierung erlebst – fünf kurze Fragen, etwa zwei Minuten. Deine Antwort ist anonym: Sie fließt nur in Summen ein, ${name} sieht Zahlen erst, wenn mindestens drei Personen geantwortet haben, und nichts Gespeichertes verbindet dich mit deiner Antwort. Offen bis ${closes}.`,
  inviteButton: "Antworten",
  reminder: (name, closes) =>
    `Eine freundliche Erinnerung: ${genitiveDe(name)} Spiegel-Runde endet am ${closes}. Falls du noch nicht geantwortet hast – es dauert zwei Minuten.`,
  thanks: "Danke – deine Antwort ist angekommen. Sie wurde anonym zu den Summen addiert.",
  already: "Du hast in dieser Runde schon geantwortet – danke! Jede Person antwortet einmal.",
  notInvited: "Diese Fragerunde wurde nicht an dich geschickt, deshalb kann sie keine Antwort von dir annehmen.",
  incomplete: "Bitte beantworte alle fünf Fragen („Kann ich nicht beurteilen“ ist auch eine Antwort).",
  resultsTitle: "🪞 Dein Spiegel",
  withheld: (min) =>
    `Deine Spiegel-Runde ist beendet. Zu wenige Antworten, um etwas zu zeigen, ohne jemanden erkennbar zu machen (mindestens ${min} sind nötig) – deshalb wird nichts gezeigt, und die eingegangenen Antworten wurden gelöscht.`,
  resultsIntro: (responses, invited) =>
    `${responses} von ${invited} Personen haben geantwortet. Selbst ist deine Sicht, Team der Durchschnitt der anderen (1–5).`,
  selfFromCheckIns:
    "Du hast in dieser Runde keine Selbsteinschätzung abgegeben; Selbst ist deshalb der Durchschnitt deiner Check-ins der letzten 12 Wochen.",
  noSelf: "Du hast weder eine Selbsteinschätzung noch aktuelle Check-ins – es gibt nichts zu vergleichen.",
  self: "Selbst",
  team: "Team",
  spread: "Streuung",
  gap: "Abstand",
  tooFewForQuestion: (min) => `Weniger als ${min} konnten das beurteilen, deshalb wird nichts gezeigt.`,
  label: { "blind-spot": "⚠️ Blinder Fleck", "hidden-strength": "🌱 Verborgene Stärke", aligned: "✅ Deckungsgleich" },
  presenceEvidence: (share, positive, negative, channels) =>
    `Gespräche: ${share} der Nachrichten in ${channels === 1 ? "deinem Teamkanal" : `deinen ${channels} Teamkanälen`} drehten sich um Kunden${positive !== null ? ` (${positive} wertschätzend, ${negative} kritisch)` : ""}, letzte 4 Wochen.`,
  askingEvidence: (asks, suggestions, days) =>
    `Gespräche: Du hast in den letzten ${days} Tagen ${asks === 1 ? "einmal" : `${asks}-mal`} um Vorschläge gebeten; die Gefragten haben ${suggestions} Vorschl${suggestions === 1 ? "ag" : "äge"} mit Namen eingereicht.`,
  tryThis: "Probier mal",
  chartTitle: "Selbst und Team je Frage (1–5)",
  share: "Mit meinem Team teilen",
  shareTitle: "Spiegel teilen",
  shareChannel: "Kanal",
  shareDone: "Geteilt – die Zahlen stehen im Kanal.",
  shareNothing: "Aus dieser Runde gibt es nichts zu teilen.",
  shareOpen:
    "Diese Runde läuft noch – teilen kannst du sie, sobald sie beendet ist und du die Ergebnisse gesehen hast.",
  shareNotTeamChannel:
    "Teilen kannst du nur in die Kanäle deines Teams. Schreib zuerst `@Kundennah mirror channels` in den Kanal und teile dann noch einmal.",
  shareNoChannels:
    "Ich kenne den Kanal deines Teams noch nicht. Schreib dort `@Kundennah mirror channels` (seine Kundenpräsenz zählt dann auch als dein Gesprächsbefund) und teile noch einmal.",
  shareSend: "In diesem Kanal posten",
  sharedTitle: (name) => `🪞 ${genitiveDe(name)} Spiegel – wie das Team es sieht`,
  sharedIntro: (responses, invited) =>
    `${responses} von ${invited} Personen haben geantwortet. Selbst ist die eigene Sicht der Führungskraft, Team der Durchschnitt der Antworten (1–5).`,
  meSection: "Spiegel",
  meShow: "🪞 Meinen Spiegel zeigen",
  meLast: (date) => `Letzte Runde, beendet am ${date}:`,
  meNone: `Noch kein Spiegel. Frag dein Team, wie es dich erlebt: \`{cmd:mirror start @ben @carla @dan}\`.`,
  meTrend: "Team-Wert über die Runden",
  teamsHelpHint:
    "`mirror` — dein Führungsspiegel: wie die Gefragten deine Kundenorientierung erleben, neben deiner eigenen Sicht (`mirror start @Ben @Carla @Dan`; `mirror help`). `me` zeigt deinen letzten Spiegel.",
  scheduleSet: (on) =>
    on
      ? "Vierteljährlicher Spiegel an: Zu Beginn jedes Quartals bekommt jede Führungskraft mit Personenliste eine Runde."
      : "Vierteljährlicher Spiegel aus.",
  scheduleUsage: `Bitte \`{cmd:admin mirror schedule quarterly}\` oder \`{cmd:admin mirror schedule off}\`.`,
  orgTitle: (quarter, leaders) => `🪞 Spiegel der Organisation ${quarter} (${leaders} Führungskräfte)`,
  orgLine: (question, self, team, share) =>
    `${question}: selbst ${self} · Team ${team} · blinder Fleck bei ${share} der Führungskräfte`,
  orgTooFew: (question) => `${question}: zu wenige Führungskräfte mit Zahlen`,
};

export function mirrorTexts(language: Language): MirrorTexts {
  return language === "de" ? de : en;
}

/** A refused start or raters list, in words; each door says how it names a person and shows a running round. */
export function mirrorRefusalText(
  refusal: StartRefusal,
  language: Language,
  render: { person(id: string): string; openRound(status: RoundStatusView): string },
): string {
  const t = mirrorTexts(language);
  switch (refusal.reason) {
    case "not-leader":
      return t.notLeader;
    case "too-few":
      return t.tooFew(refusal.min);
    case "too-many":
      return t.tooMany(refusal.max);
    case "self":
      return t.selfNamed;
    case "invalid-people":
      return t.invalidPeople(refusal.people.map((p) => `${render.person(p.id)} (${t.why[p.why]})`).join(", "));
    case "open":
      return render.openRound(refusal.status);
  }
}

/** What a leader reads after "Share with my team", shared or why not. */
export function mirrorShareText(result: "ok" | ShareRefusal, language: Language): string {
  const t = mirrorTexts(language);
  return {
    ok: t.shareDone,
    "not-yours": t.notYours,
    open: t.shareOpen,
    nothing: t.shareNothing,
    "not-team-channel": t.shareNotTeamChannel,
  }[result];
}

/** A running round's status, as the mirror command, `/cx-me` and the App Home show it. */
export function mirrorStatusText(status: RoundStatusView, language: Language, timeZone: string): string {
  return mirrorTexts(language).openStatus(
    status.invited,
    status.answered,
    longDate(status.closesAt, language, timeZone),
    status.selfRated,
  );
}
