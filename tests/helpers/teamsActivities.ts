// Bot Framework activities as Teams sends them to /api/messages, pointed at a fake connector.
import { randomUUID } from "node:crypto";

export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const BOT = { id: "28:kundennah-bot", name: "Kundennah" };

export interface TeamsPerson {
  id: string;
  aadObjectId?: string;
  name: string;
  locale?: string;
  timezone?: string;
}

export function conversationIdOf(person: TeamsPerson): string {
  return `a:personal-${person.id.replace(/[^a-z0-9]/gi, "")}`;
}

export function activity(
  serviceUrl: string,
  person: TeamsPerson,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl,
    channelId: "msteams",
    from: { id: person.id, ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}), name: person.name },
    conversation: { id: conversationIdOf(person), conversationType: "personal", tenantId: TENANT },
    recipient: BOT,
    channelData: { tenant: { id: TENANT } },
    locale: person.locale ?? "en-US",
    localTimezone: person.timezone ?? "Europe/Berlin",
    entities: [
      {
        type: "clientInfo",
        locale: person.locale ?? "en-US",
        country: "DE",
        platform: "Web",
        timezone: person.timezone ?? "Europe/Berlin",
      },
    ],
    ...fields,
  };
}

export const install = (serviceUrl: string, person: TeamsPerson) =>
  activity(serviceUrl, person, { type: "installationUpdate", action: "add" });

export const membersAdded = (serviceUrl: string, person: TeamsPerson) =>
  activity(serviceUrl, person, {
    type: "conversationUpdate",
    membersAdded: [{ id: BOT.id }, { id: person.id, aadObjectId: person.aadObjectId }],
  });

export interface MentionOf {
  id: string;
  name: string;
}

/** A message; `mentions` become Teams mention entities and <at> tags in the text. */
export function message(
  serviceUrl: string,
  person: TeamsPerson,
  text: string,
  mentions: MentionOf[] = [],
): Record<string, unknown> {
  let body = text;
  for (const m of mentions) body = body.replace(`@${m.name}`, `<at>${m.name}</at>`);
  const base = activity(serviceUrl, person, { type: "message", text: body, textFormat: "plain" });
  return {
    ...base,
    entities: [
      ...(base.entities as unknown[]),
      ...mentions.map((m) => ({ type: "mention", text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
    ],
  };
}

/** Action.Execute: an adaptiveCard/action invoke; inputs are merged into the action data. */
export function executeAction(
  serviceUrl: string,
  person: TeamsPerson,
  verb: string,
  data: Record<string, unknown>,
  replyToId?: string,
) {
  return activity(serviceUrl, person, {
    type: "invoke",
    name: "adaptiveCard/action",
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  });
}

/** Action.Submit (fallback): a message with `value` = data plus inputs, and no text. */
export function submitAction(
  serviceUrl: string,
  person: TeamsPerson,
  data: Record<string, unknown>,
  replyToId?: string,
) {
  return activity(serviceUrl, person, { type: "message", ...(replyToId ? { replyToId } : {}), value: data });
}

export async function postActivity(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

// ── Team channels and group chats ──────────────────────────────────────────────────────────

export interface TeamsChannel {
  /** The channel's conversation id ("19:…@thread.tacv2"; a group chat's "19:…@thread.v2"). */
  id: string;
  /** The team's id (its General channel's id); absent for a group chat. */
  teamId?: string;
  name?: string;
}

/** An activity in a team channel (or group chat); `messageId` makes it part of that thread. */
export function inChannel(
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  fields: Record<string, unknown>,
  threadId?: string,
): Record<string, unknown> {
  const base = activity(serviceUrl, person, fields);
  const groupChat = !channel.teamId;
  return {
    ...base,
    conversation: {
      id: threadId ? `${channel.id};messageid=${threadId}` : channel.id,
      conversationType: groupChat ? "groupChat" : "channel",
      isGroup: true,
      tenantId: TENANT,
      ...(groupChat && channel.name ? { name: channel.name } : {}),
    },
    channelData: {
      tenant: { id: TENANT },
      ...(groupChat
        ? {}
        : {
            team: { id: channel.teamId },
            channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) },
            teamsTeamId: channel.teamId,
            teamsChannelId: channel.id,
          }),
      ...((fields.channelData as object | undefined) ?? {}),
    },
  };
}

/** A message by a person in a channel, not addressed to the bot (what RSC delivers). HTML as Teams sends it. */
export function channelMessage(
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  html: string,
  options: { id?: string; at?: string } = {},
) {
  return inChannel(serviceUrl, person, channel, {
    type: "message",
    ...(options.id ? { id: options.id } : {}),
    ...(options.at ? { timestamp: options.at, localTimestamp: options.at } : {}),
    text: html,
    textFormat: "plain",
  });
}

/** "@Kundennah <text>" typed in a channel: a command; `mentions` are further @mentions (people or channels). */
export function channelCommand(
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  text: string,
  mentions: MentionOf[] = [],
) {
  let body = `<at>${BOT.name}</at> ${text}`;
  for (const m of mentions) body = body.replace(`@${m.name}`, `<at>${m.name}</at>`);
  const base = inChannel(serviceUrl, person, channel, { type: "message", text: body, textFormat: "plain" });
  return {
    ...base,
    entities: [
      ...(base.entities as unknown[]),
      { type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT },
      ...mentions.map((m) => ({ type: "mention", text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
    ],
  };
}

export const messageEdit = (
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  messageId: string,
  html: string,
  at?: string,
) =>
  inChannel(serviceUrl, person, channel, {
    type: "messageUpdate",
    id: messageId,
    text: html,
    ...(at ? { timestamp: at } : {}),
    channelData: { eventType: "editMessage" },
  });

export const messageSoftDelete = (serviceUrl: string, person: TeamsPerson, channel: TeamsChannel, messageId: string) =>
  inChannel(serviceUrl, person, channel, {
    type: "messageDelete",
    id: messageId,
    channelData: { eventType: "softDeleteMessage" },
  });

/** The bot added to a team (in its General channel) or a group chat, by `person`. */
export const botAdded = (serviceUrl: string, person: TeamsPerson, channel: TeamsChannel) =>
  inChannel(serviceUrl, person, channel, {
    type: "conversationUpdate",
    membersAdded: [{ id: BOT.id }],
    channelData: channel.teamId ? { eventType: "teamMemberAdded" } : {},
  });

export const botRemoved = (serviceUrl: string, person: TeamsPerson, channel: TeamsChannel) =>
  inChannel(serviceUrl, person, channel, {
    type: "conversationUpdate",
    membersRemoved: [{ id: BOT.id }],
    channelData: channel.teamId ? { eventType: "teamMemberRemoved" } : {},
  });

/** Action.Execute on a card in a channel (a vote on a suggestion post, say); `id` is the invoke's activity id. */
export function channelExecute(
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  verb: string,
  data: Record<string, unknown>,
  id?: string,
) {
  return inChannel(serviceUrl, person, channel, {
    type: "invoke",
    name: "adaptiveCard/action",
    ...(id ? { id } : {}),
    value: { action: { type: "Action.Execute", verb, data: { ...data, verb } }, trigger: "manual" },
  });
}

/** The message action "Suggest from this message": the dialog is fetched for a message's HTML body. */
export function messageActionFetch(serviceUrl: string, person: TeamsPerson, channel: TeamsChannel, html: string) {
  return inChannel(serviceUrl, person, channel, {
    type: "invoke",
    name: "composeExtension/fetchTask",
    value: {
      commandId: "suggestFromMessage",
      commandContext: "message",
      context: { theme: "default" },
      messagePayload: {
        id: "1700000000000",
        messageType: "message",
        body: { contentType: "html", content: html },
        from: { user: { id: "someone", displayName: "Someone" } },
      },
    },
  });
}

/** The dialog's Action.Submit: the form's inputs plus the button's data. */
export function messageActionSubmit(
  serviceUrl: string,
  person: TeamsPerson,
  channel: TeamsChannel,
  data: Record<string, unknown>,
) {
  return inChannel(serviceUrl, person, channel, {
    type: "invoke",
    name: "composeExtension/submitAction",
    value: { commandId: "suggestFromMessage", commandContext: "message", data },
  });
}
