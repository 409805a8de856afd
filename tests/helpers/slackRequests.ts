// Builds requests exactly as Slack sends them to /slack/events: signed with the signing
// secret (v0 HMAC-SHA256 over "v0:<timestamp>:<body>"), form-encoded for commands and
// interactivity, JSON for the Events API.
import crypto from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd9900fedc85a5";
export const TEAM_ID = "T0001";

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function sign(
  body: string,
  contentType: string,
  options: { secret?: string; timestamp?: number } = {},
): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = crypto
    .createHmac("sha256", options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex");
  return {
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": `v0=${signature}`,
    },
  };
}

export function slashCommand(
  command: string,
  text: string,
  userId: string,
  responseUrl: string,
  triggerId = "trigger.1",
): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    team_domain: "acme",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: userId,
    user_name: userId.toLowerCase(),
    command,
    text,
    api_app_id: "A0KUNDENNAH",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

function interactivity(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a click on a button of a bot message in the user's DM. */
export function buttonClick(input: {
  userId: string;
  actionId: string;
  value: string;
  blockId?: string;
  channel: string;
  ts: string;
  responseUrl: string;
}): string {
  return interactivity({
    type: "block_actions",
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM_ID,
    },
    api_app_id: "A0KUNDENNAH",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: input.ts, channel_id: input.channel, is_ephemeral: false },
    trigger_id: "trigger.2",
    team: { id: TEAM_ID, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: "directmessage" },
    message: { type: "message", user: "UBOT", ts: input.ts, bot_id: "BBOT", text: "check-in" },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId ?? "nudge_footer",
        text: { type: "plain_text", text: "button", emoji: true },
        value: input.value,
        type: "button",
        action_ts: "1700000000.000200",
      },
    ],
  });
}

/** A view_submission payload for a modal with the given state values. */
export function viewSubmission(input: {
  userId: string;
  callbackId: string;
  privateMetadata?: string;
  values: Record<string, Record<string, object>>;
}): string {
  return interactivity({
    type: "view_submission",
    team: { id: TEAM_ID, domain: "acme" },
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      name: input.userId.toLowerCase(),
      team_id: TEAM_ID,
    },
    api_app_id: "A0KUNDENNAH",
    token: "deprecated-verification-token",
    trigger_id: "trigger.3",
    view: {
      id: "V0001",
      team_id: TEAM_ID,
      type: "modal",
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? "",
      hash: "1700000000.abcdef",
      blocks: [],
      state: { values: input.values },
      app_id: "A0KUNDENNAH",
      bot_id: "BBOT",
    },
    response_urls: [],
    is_enterprise_install: false,
  });
}

export function eventCallback(event: object, eventId = `Ev${crypto.randomBytes(4).toString("hex")}`): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0KUNDENNAH",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

export async function post(url: string, request: SignedRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  return { status: res.status, text: await res.text() };
}

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";
