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

export function activity(serviceUrl: string, person: TeamsPerson, fields: Record<string, unknown>): Record<string, unknown> {
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
    entities: [{ type: "clientInfo", locale: person.locale ?? "en-US", country: "DE", platform: "Web", timezone: person.timezone ?? "Europe/Berlin" }],
    ...fields,
  };
}

export const install = (serviceUrl: string, person: TeamsPerson) =>
  activity(serviceUrl, person, { type: "installationUpdate", action: "add" });

export const membersAdded = (serviceUrl: string, person: TeamsPerson) =>
  activity(serviceUrl, person, { type: "conversationUpdate", membersAdded: [{ id: BOT.id }, { id: person.id, aadObjectId: person.aadObjectId }] });

export interface MentionOf {
  id: string;
  name: string;
}

/** A message; `mentions` become Teams mention entities and <at> tags in the text. */
export function message(serviceUrl: string, person: TeamsPerson, text: string, mentions: MentionOf[] = []): Record<string, unknown> {
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
export function executeAction(serviceUrl: string, person: TeamsPerson, verb: string, data: Record<string, unknown>, replyToId?: string) {
  return activity(serviceUrl, person, {
    type: "invoke",
    name: "adaptiveCard/action",
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  });
}

/** Action.Submit (fallback): a message with `value` = data plus inputs, and no text. */
export function submitAction(serviceUrl: string, person: TeamsPerson, data: Record<string, unknown>, replyToId?: string) {
  return activity(serviceUrl, person, { type: "message", ...(replyToId ? { replyToId } : {}), value: data });
}

export async function postActivity(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
