// Teams renders a markdown subset in messages and card TextBlocks. Our copy is written once in
// neutral markup (src/views/copy.ts), which is Teams' own markdown except for the commands: those
// become the words a person types to the bot here. Whatever a person typed is escaped so it
// cannot turn into a link, a mention or formatting.
import { type Command, renderCopy } from "../../views/copy.js";

/** A command as typed to the bot in Teams: no slash commands, and admin commands are plain words. */
function teamsCommand({ name, args }: Command): string {
  if (name === "admin") return args;
  if (name === "me" && /^(pause|resume)\b/.test(args)) return args;
  return args ? `${name} ${args}` : name;
}

const TEAMS = { bold: (text: string) => `**${text}**`, command: teamsCommand };

/** A shared (trusted) text, ready for a Teams message or TextBlock. */
export function teamsText(text: string): string {
  return renderCopy(text, TEAMS);
}

/** User-provided text (a name, a command word) made inert for Teams markdown. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/** User text that a shared text puts inside a `code span`: no backticks or angle brackets to break out. */
export function inertCode(text: string): string {
  return text.replace(/`/g, "ʼ").replace(/</g, "‹").replace(/>/g, "›").replace(/\s+/g, " ").trim().slice(0, 200);
}

/**
 * User text (a suggestion, a note) for an Adaptive Card TextBlock, shown literally: every markdown
 * character and the angle brackets are backslash-escaped, so `[x](y)` cannot become a link,
 * `<at>…</at>` cannot become a mention and `<b>` stays text. Line breaks are kept as paragraphs.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/([\\`*_{}[\]()#+\-.!|~<>&])/g, "\\$1"))
    .join("\n\n");
}

/** What escapeCardText undoes when rendered: for tests and for measuring length. */
export function unescapeCardText(text: string): string {
  return text.replace(/\n\n/g, "\n").replace(/\\([\\`*_{}[\]()#+\-.!|~<>&])/g, "$1");
}

/** A Teams message body (often HTML: <p>, <at>, entities) as the plain text a person wrote. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
