// Slack mrkdwn: our neutral copy (src/views/copy.ts) rendered for Slack, and the escaping that
// anything a person typed needs (&, < and >), or "<!channel>" and "<https://evil|bank>" become a
// ping or a disguised link.
import { type Command, renderCopy } from "../../views/copy.js";

const SLACK = {
  bold: (text: string) => `*${text}*`,
  command: ({ name, args }: Command) => `/cx-${name}${args ? ` ${args}` : ""}`,
};

/**
 * A shared (trusted) text in Slack's mrkdwn: *bold*, /cx-… slash commands. Names and escaped user
 * text inside it are left as they are, except that "**x**" there would turn bold: nothing it
 * writes can ping anyone or make a link.
 */
export function slackText(text: string): string {
  return renderCopy(text, SLACK);
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text as a person typed it, from Slack's escaped form (the inverse of escapeMrkdwn). */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}

/** User ids mentioned in a slash command's text ("<@U123|anna>" with escaping on, or a bare id). */
export function mentionedUsers(text: string): string[] {
  const ids = [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}

/** Channel ids mentioned in a slash command's text ("<#C123|name>" with escaping on). */
export function mentionedChannels(text: string): string[] {
  return [...new Set([...text.matchAll(/<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!))];
}

export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}
