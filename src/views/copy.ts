// Copy in src/prompts is written once, in one neutral markup, and each door renders it in its
// own dialect — the way vercel/chat keeps one canonical markdown and converts it per adapter:
//
//   **bold**, _italic_, `code`   markdown as Teams reads it (Slack's mrkdwn wants *bold*)
//   {cmd:me pause 2w}            a command: "/cx-me pause 2w" in Slack, "pause 2w" in Teams
//
// The command names are the Slack slash commands without "/cx-"; what follows the name is what
// a person types after it. A door renders a text after its numbers and names are filled in, so
// user text put into copy must already be escaped for that door (as it always had to be).

export const COMMAND_NAMES = ["admin", "me", "checkin", "suggest", "ask", "mirror"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A command as copy names it: `{cmd:admin leaders add}` is { name: "admin", args: "leaders add" }. */
export interface Command {
  name: CommandName;
  args: string;
}

/** How one door writes what the neutral markup means. */
export interface Dialect {
  bold(text: string): string;
  command(command: Command): string;
}

const COMMAND = new RegExp(`\\{cmd:(${COMMAND_NAMES.join("|")})(?: ([^{}\\n]*))?\\}`, "g");
const BOLD = /\*\*([^*\n]+)\*\*/g;

/** A neutral text in the door's dialect. */
export function renderCopy(text: string, dialect: Dialect): string {
  return text
    .replace(COMMAND, (_, name: CommandName, args: string | undefined) => dialect.command({ name, args: args ?? "" }))
    .replace(BOLD, (_, inner: string) => dialect.bold(inner));
}

/** The placeholder for a command, for copy that builds one from parts. */
export function commandPlaceholder(name: CommandName, args = ""): string {
  return `{cmd:${name}${args ? ` ${args}` : ""}}`;
}
