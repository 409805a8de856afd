// Private answers to the person who asked: an ephemeral reply to a slash command, or a reply to
// a button that is shown to the clicker only and leaves the message with the button as it is.
// Both take our copy in neutral markup (src/views/copy.ts), with names and user text already in
// Slack's syntax, and render it as mrkdwn.
import type { KnownBlock } from "@slack/types";
import { slackText } from "./mrkdwn.js";

const md = (text: string) => ({ type: "mrkdwn" as const, text: slackText(text) });

function textBlocks(text: string, extra?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: md(text) }];
  if (extra) blocks.push({ type: "section", text: md(extra) });
  return blocks;
}

export const ephemeral = (text: string, extra?: string) => ({
  response_type: "ephemeral" as const,
  text: slackText(text),
  blocks: textBlocks(text, extra),
});

export const privately = (text: string) => ({
  response_type: "ephemeral" as const,
  replace_original: false,
  text: slackText(text),
});

/** chat.postMessage arguments for a reply in the person's DM (where no response_url reaches). */
export const inDm = (userId: string, text: string) => ({ channel: userId, text: slackText(text) });
