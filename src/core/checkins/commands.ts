// Parsing of a leader's own commands, shared by both platforms ("/cx-me pause 2w" in Slack,
// "pause 2w" in Teams).

export type MeCommand = { kind: "overview" } | { kind: "pause"; days: number } | { kind: "resume" } | { kind: "usage" };

export const MAX_PAUSE_DAYS = 26 * 7;

/** "/cx-me", "/cx-me pause 2w" (or 10d), "/cx-me resume". */
export function parseMeCommand(text: string): MeCommand {
  const [verb = "", amount = ""] = text.trim().toLowerCase().split(/\s+/);
  if (verb === "") return { kind: "overview" };
  if (verb === "resume" || verb === "fortsetzen") return { kind: "resume" };
  if (verb === "pause" || verb === "pausieren") {
    const m = /^(\d{1,3})\s*(d|t|w)$/.exec(amount);
    if (!m) return { kind: "usage" };
    const days = Number(m[1]) * (m[2] === "w" ? 7 : 1);
    return days >= 1 && days <= MAX_PAUSE_DAYS ? { kind: "pause", days } : { kind: "usage" };
  }
  return { kind: "usage" };
}
