// Realistic team-chat messages (German and English, some about customers, most not; code
// talk, links, emoji, gender forms, negation) for the ingestion and classifier benchmarks.
// Messages are built from templates and fillers with a seeded PRNG, so every run sees the same.
import { rng } from "./common.js";

const TEMPLATES = [
  "Der Kunde {name} hat sich heute für die schnelle Hilfe bedankt 🙏",
  "Kurzes Update: das Deployment von {service} ist durch, keine Fehler im Log.",
  "Können wir das Meeting mit {name} auf {day} verschieben?",
  "Unsere Kund:innen warten seit {n} Tagen auf eine Antwort, das geht so nicht.",
  "Die Beschwerde von {company} ist berechtigt, wir sollten uns entschuldigen und das Ticket priorisieren.",
  "NPS ist diesen Monat auf {n} gestiegen, danke an alle im Support!",
  "Wer hat den Build auf main kaputt gemacht? `npm test` schlägt in {service} fehl.",
  "Ich bin {day} im Homeoffice, erreicht mich per Slack.",
  "Mittagessen um 12? 🍕",
  "Der HTTP client in {service} hat ein Timeout von 30s, das ist zu lang.",
  "Bitte schaut euch den PR an: https://git.example.com/{service}/pull/{n}",
  "Die Kunden sind mal wieder zu blöd, die Anleitung zu lesen 🙄",
  "Wir haben den Auftrag von {company} gewonnen! 🎉",
  "Kundenfeedback aus dem Workshop: die neue Suche spart ihnen {n} Minuten am Tag.",
  "Testkunde im Staging ist wieder angelegt, customer_id steht im Wiki.",
  "Sprint Review ist {day} um 14 Uhr.",
  "Ich finde, wir sollten {company} proaktiv anrufen, bevor sie kündigen.",
  "Churn im Q3 liegt bei {n} %, das müssen wir uns genauer anschauen.",
  "Hat jemand die Folien für das Kundengespräch mit {name}?",
  "Danke für die Hilfe gestern, {name}!",
  "The customer from {company} loved the new dashboard, they said it saves them hours every week 🙌",
  "Quick heads-up: {service} will be down for maintenance on {day} between 6 and 7.",
  "Can someone review my PR? It only touches userAgent parsing in {service}.",
  "Our clients keep asking for SSO; {n} requests this month alone.",
  "Honestly, these users never read the docs. Why do we even bother.",
  "We closed the deal with {company} 🎉 great work everyone!",
  "Lunch at noon? Thinking tacos 🌮",
  "The user table migration finished in {n} seconds.",
  "Support ticket #{n}: customer can't log in after the password reset, investigating.",
  "I'm out {day}, ping me on my phone if something burns.",
  "We should invite a customer to the next planning session to hear their pain points first-hand.",
  "Complaints about slow exports went down by {n} % since the fix, nice!",
  "Standup moved to 9:45 today.",
  "Who owns the /api/users endpoint? It returns 500 for {n} % of requests.",
  "Not happy with how we handled {company}'s escalation, we kept them waiting for days.",
  "Thanks {name} for jumping on that customer call so quickly, they were really relieved.",
  "Build is green again ✅",
  "Anyone else seeing flaky tests in {service}?",
  "The client library needs an update to v{n}.",
  "Reminder: fill in your timesheets by {day}.",
];

const NAMES = ["Müller", "Schmidt", "Anna", "Jonas", "Fatma", "Lukas", "Miller", "Sarah", "Chen", "Özdemir"];
const COMPANIES = [
  "Bäckerei Krause",
  "Stadtwerke Nord",
  "Acme Ltd",
  "Globex",
  "Hansa Logistik",
  "Miller & Sons",
  "Initech",
  "Rhein Versicherung",
];
const SERVICES = ["billing", "search", "auth-service", "export", "checkout", "reporting"];
const DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Monday", "Tuesday", "Friday"];

/** `count` messages, deterministic for a seed. */
export function messages(count: number, seed = 7): string[] {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      pick(TEMPLATES)
        .replace("{name}", pick(NAMES))
        .replace("{company}", pick(COMPANIES))
        .replace("{service}", pick(SERVICES))
        .replace("{day}", pick(DAYS))
        .replace(/\{n\}/g, () => String(Math.floor(random() * 90) + 2)),
    );
  }
  return out;
}

export const TEMPLATE_COUNT = TEMPLATES.length;
