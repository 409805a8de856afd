// Parsing of the admin commands both platforms share ("/cx-admin …" in Slack, "leaders add …"
// in Teams). Mentions are extracted by the adapter, since each platform encodes them its own way.

import { splitTermList } from "../presence/termsFile.js";
import { type IndustryPreset, isIndustryPreset } from "../presence/vocabulary.js";
import { type Cadence, isCadence, isLanguage, type Language } from "../shared/model.js";
import { isValidTimeZone, parseTimeOfDay } from "../shared/time.js";

export type AdminCommand =
  | { kind: "help" }
  | { kind: "unknown"; text: string }
  | { kind: "leaders-add"; people: string[] }
  | { kind: "leaders-remove"; people: string[] }
  | { kind: "leaders-list" }
  | { kind: "admins-add"; people: string[] }
  | { kind: "admins-remove"; people: string[] }
  | { kind: "admins-list" }
  | { kind: "viewers-add"; people: string[] }
  | { kind: "viewers-remove"; people: string[] }
  | { kind: "viewers-list" }
  | { kind: "dashboard" }
  | { kind: "schedule"; cadence: Cadence; weekday?: number; minute?: number }
  | { kind: "weekends"; on: boolean }
  | { kind: "language"; language: Language }
  | { kind: "timezone"; timezone: string }
  | { kind: "settings" }
  | { kind: "nudge-now" }
  | { kind: "suggestions-channel"; channel: string }
  | { kind: "ask-schedule"; channel: string; dayOfMonth: number; minute: number }
  | { kind: "ask-schedule-off"; channel: string }
  | { kind: "channel-exclude"; channel: string }
  | { kind: "channel-include"; channel: string }
  | { kind: "digest-channel"; channel: string }
  | { kind: "digest-channel-remove"; channel: string }
  | { kind: "digest-time"; weekday: number; minute: number }
  | { kind: "digest-now" }
  | { kind: "presence-llm"; on: boolean }
  | { kind: "reminders"; on: boolean }
  | { kind: "presence-industry"; industry: IndustryPreset | null }
  | { kind: "presence-industry-unknown"; name: string }
  | { kind: "presence-terms-add"; terms: string[] }
  | { kind: "presence-terms-remove"; terms: string[] }
  | { kind: "presence-terms-list" }
  | { kind: "presence-terms-invalid"; problem: "empty" | "unclosed-quote"; verb: "add" | "remove" }
  | { kind: "mirror-schedule"; cadence: "quarterly" | "off" }
  | {
      kind: "usage";
      topic:
        | "mentions"
        | "schedule"
        | "language"
        | "timezone"
        | "weekends"
        | "reminders"
        | "channel"
        | "ask-schedule"
        | "presence"
        | "digest-time"
        | "industry"
        | "terms"
        | "mirror";
    };

const WEEKDAY_WORDS: Record<string, number> = {
  mon: 1,
  monday: 1,
  mo: 1,
  montag: 1,
  tue: 2,
  tuesday: 2,
  di: 2,
  dienstag: 2,
  wed: 3,
  wednesday: 3,
  mi: 3,
  mittwoch: 3,
  thu: 4,
  thursday: 4,
  do: 4,
  donnerstag: 4,
  fri: 5,
  friday: 5,
  fr: 5,
  freitag: 5,
  sat: 6,
  saturday: 6,
  sa: 6,
  samstag: 6,
  sun: 7,
  sunday: 7,
  so: 7,
  sonntag: 7,
};

/** `mentions` and `channels` are the platform ids of the people and channels mentioned, in order. */
export function parseAdminCommand(text: string, mentions: string[], channels: string[] = []): AdminCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb = "help", sub = ""] = words.map((w) => w.toLowerCase());
  switch (verb) {
    case "help":
    case "hilfe":
      return { kind: "help" };
    case "leaders":
    case "leader":
      if (sub === "list" || sub === "") return { kind: "leaders-list" };
      if (sub === "add" || sub === "remove") {
        if (mentions.length === 0) return { kind: "usage", topic: "mentions" };
        return { kind: sub === "add" ? "leaders-add" : "leaders-remove", people: [...new Set(mentions)] };
      }
      return { kind: "unknown", text };
    case "admins":
      if (sub === "list" || sub === "") return { kind: "admins-list" };
      if (sub === "add" || sub === "remove") {
        if (mentions.length === 0) return { kind: "usage", topic: "mentions" };
        return { kind: sub === "add" ? "admins-add" : "admins-remove", people: [...new Set(mentions)] };
      }
      return { kind: "unknown", text };
    case "viewers":
    case "viewer":
      if (sub === "list" || sub === "") return { kind: "viewers-list" };
      if (sub === "add" || sub === "remove") {
        if (mentions.length === 0) return { kind: "usage", topic: "mentions" };
        return { kind: sub === "add" ? "viewers-add" : "viewers-remove", people: [...new Set(mentions)] };
      }
      return { kind: "unknown", text };
    case "dashboard":
      return { kind: "dashboard" };
    case "schedule":
      return parseSchedule(words.slice(1));
    case "weekends":
      if (sub === "on" || sub === "off") return { kind: "weekends", on: sub === "on" };
      return { kind: "usage", topic: "weekends" };
    case "reminders":
    case "erinnerungen":
      if (sub === "on" || sub === "off") return { kind: "reminders", on: sub === "on" };
      return { kind: "usage", topic: "reminders" };
    case "language":
    case "sprache":
      return isLanguage(sub) ? { kind: "language", language: sub } : { kind: "usage", topic: "language" };
    case "timezone": {
      const zone = words[1] ?? "";
      return zone && isValidTimeZone(zone)
        ? { kind: "timezone", timezone: zone }
        : { kind: "usage", topic: "timezone" };
    }
    case "settings":
    case "einstellungen":
      return { kind: "settings" };
    case "nudge-now":
      return { kind: "nudge-now" };
    case "suggestions-channel":
      return channels[0] ? { kind: "suggestions-channel", channel: channels[0] } : { kind: "usage", topic: "channel" };
    case "channel": {
      const channel = channels[0];
      if (!channel || (sub !== "exclude" && sub !== "include")) return { kind: "usage", topic: "presence" };
      return { kind: sub === "exclude" ? "channel-exclude" : "channel-include", channel };
    }
    case "digest-channel": {
      const channel = channels[0];
      if (!channel) return { kind: "usage", topic: "channel" };
      return sub === "remove" ? { kind: "digest-channel-remove", channel } : { kind: "digest-channel", channel };
    }
    case "digest-now":
      return { kind: "digest-now" };
    case "digest-time": {
      const weekday = WEEKDAY_WORDS[words[1]?.toLowerCase() ?? ""];
      const minute = parseTimeOfDay(words[2] ?? "");
      return weekday !== undefined && minute !== null
        ? { kind: "digest-time", weekday, minute }
        : { kind: "usage", topic: "digest-time" };
    }
    case "presence":
      if (sub === "llm" && (words[2] === "on" || words[2] === "off"))
        return { kind: "presence-llm", on: words[2] === "on" };
      if (sub === "industry" || sub === "branche") return parseIndustry(words[2]);
      if (sub === "terms" || sub === "begriffe") return parseTerms(text);
      return { kind: "usage", topic: "presence" };
    case "mirror":
    case "spiegel": {
      // Leader mirror (issue 12): `mirror schedule quarterly|off`.
      const cadence = words[2]?.toLowerCase();
      if (sub === "schedule" && (cadence === "quarterly" || cadence === "off"))
        return { kind: "mirror-schedule", cadence };
      return { kind: "usage", topic: "mirror" };
    }
    case "ask-schedule": {
      const channel = channels[0];
      const [, , dayWord = "", timeWord = "10:00"] = words.map((w) => w.toLowerCase());
      if (!channel) return { kind: "usage", topic: "ask-schedule" };
      if (dayWord === "off") return { kind: "ask-schedule-off", channel };
      const dayOfMonth = Number(dayWord);
      const minute = parseTimeOfDay(timeWord);
      if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31 || minute === null)
        return { kind: "usage", topic: "ask-schedule" };
      return { kind: "ask-schedule", channel, dayOfMonth, minute };
    }
    default:
      return { kind: "unknown", text };
  }
}

/** Words that clear the industry preset. */
const NO_INDUSTRY = new Set(["none", "off", "clear", "keine", "aus"]);

function parseIndustry(word: string | undefined): AdminCommand {
  if (!word) return { kind: "usage", topic: "industry" };
  const name = word.toLowerCase();
  if (NO_INDUSTRY.has(name)) return { kind: "presence-industry", industry: null };
  return isIndustryPreset(name)
    ? { kind: "presence-industry", industry: name }
    : { kind: "presence-industry-unknown", name: word };
}

/**
 * "presence terms add Fahrgast, "Stadtwerke Nord"": the list is everything after the verb, as
 * typed (spacing and quotes matter inside names), split at commas outside quotes.
 */
function parseTerms(text: string): AdminCommand {
  const m = /^\s*\S+\s+\S+\s*(\S*)\s*([\s\S]*)$/u.exec(text);
  const verb = (m?.[1] ?? "").toLowerCase();
  const rest = m?.[2] ?? "";
  if (verb === "" || verb === "list" || verb === "liste") return { kind: "presence-terms-list" };
  const add = verb === "add" || verb === "hinzufügen";
  if (!add && verb !== "remove" && verb !== "entfernen") return { kind: "usage", topic: "terms" };
  const { terms, error } = splitTermList(rest);
  const kind = add ? "add" : "remove";
  if (error) return { kind: "presence-terms-invalid", problem: "unclosed-quote", verb: kind };
  if (terms.length === 0) return { kind: "presence-terms-invalid", problem: "empty", verb: kind };
  return add ? { kind: "presence-terms-add", terms } : { kind: "presence-terms-remove", terms };
}

function parseSchedule(args: string[]): AdminCommand {
  const [cadenceWord, ...rest] = args.map((a) => a.toLowerCase());
  if (!isCadence(cadenceWord)) return { kind: "usage", topic: "schedule" };
  const command: AdminCommand & { kind: "schedule" } = { kind: "schedule", cadence: cadenceWord };
  for (const word of rest) {
    const weekday = WEEKDAY_WORDS[word.replace(/[.,]$/, "")];
    const minute = parseTimeOfDay(word);
    if (weekday !== undefined && cadenceWord !== "workdays") command.weekday = weekday;
    else if (minute !== null) command.minute = minute;
    else return { kind: "usage", topic: "schedule" };
  }
  return command;
}
