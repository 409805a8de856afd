// Private answers to the person who asked: an ephemeral reply to a slash command, or a reply to
// a button that is shown to the clicker only and leaves the message with the button as it is.
import type { KnownBlock } from "@slack/types";

function textBlocks(text: string, extra?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (extra) blocks.push({ type: "section", text: { type: "mrkdwn", text: extra } });
  return blocks;
}

export const ephemeral = (text: string, extra?: string) => ({
  response_type: "ephemeral" as const,
  text,
  blocks: textBlocks(text, extra),
});

export const privately = (text: string) => ({ response_type: "ephemeral" as const, replace_original: false, text });
