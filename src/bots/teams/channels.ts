// Team channels and group chats: which conversation an activity belongs to, whether it talks to
// the bot, and how to post into a channel proactively. A channel is known to the core by its
// conversation id (without Teams' ";messageid=…" thread suffix).
import type { Activity, ConversationReference, TurnContext } from "botbuilder";
import type { Core } from "../../core/index.js";
import type { Workspace } from "../../core/shared/model.js";
import { DeliveryError } from "../../core/shared/ports.js";
import type { TeamsAdapter } from "./auth.js";
import { parseReference } from "./conversations.js";
import { ConversationGoneError } from "./delivery.js";
import { newMessagesOnly } from "./proactive.js";

/** The public-cloud Bot Connector for Teams, used only when no activity has told us better. */
const GLOBAL_TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

/** "19:abc@thread.tacv2;messageid=123" → "19:abc@thread.tacv2". */
export function channelRefOf(activity: Partial<Activity>): string {
  return (activity.conversation?.id ?? "").split(";messageid=")[0]!;
}

function conversationTypeOf(activity: Partial<Activity>): string {
  return activity.conversation?.conversationType ?? "personal";
}

/** A team channel or a group chat: where presence is measured and suggestions are posted. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = conversationTypeOf(activity);
  return type === "channel" || type === "groupChat";
}

/** The team an activity comes from, if any (channelData.team.id). */
export function teamOf(activity: Partial<Activity>): string | null {
  const data = activity.channelData as { team?: { id?: string } } | undefined;
  return data?.team?.id ?? null;
}

/** Whether the bot is @mentioned: in a channel or group chat, that is what makes a message a command. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  return (activity.entities ?? []).some(
    (e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/** Bots (including ourselves) never count as people talking. */
export function isFromBot(activity: Partial<Activity>): boolean {
  const from = activity.from as { id?: string; role?: string } | undefined;
  return !from?.id || from.role === "bot" || from.id.startsWith("28:") || from.id === activity.recipient?.id;
}

/** Channel ids in Teams channel @mentions ("19:…@thread…"), as opposed to people. */
export function mentionedChannels(activity: Partial<Activity>): { id: string; name: string }[] {
  return (activity.entities ?? [])
    .filter((e) => e.type === "mention")
    .map((e) => (e as { mentioned?: { id?: string; name?: string } }).mentioned)
    .filter(
      (m): m is { id: string; name?: string } => Boolean(m?.id?.startsWith("19:")) && m!.id !== activity.recipient?.id,
    )
    .map((m) => ({ id: m.id.split(";messageid=")[0]!, name: m.name ?? "" }));
}

/**
 * Where proactive channel posts go. The Bot Connector URL (serviceUrl) and the bot's own id come
 * with every activity; they are remembered per tenant. After a restart, before anything arrived,
 * a stored personal reference of a leader or admin of that workspace supplies them, and as a
 * last resort the public-cloud Teams connector.
 */
export class ChannelReferences {
  private readonly byTenant = new Map<string, { serviceUrl: string; bot: ConversationReference["bot"] }>();
  /** Channel display names seen in activities (Teams sends them only sometimes). */
  readonly names = new Map<string, string>();
  /** The channels seen per team, so removing the bot from a team forgets all of them. */
  readonly teamChannels = new Map<string, Set<string>>();

  constructor(
    private readonly core: Core,
    private readonly appId: string,
  ) {}

  learn(activity: Partial<Activity>, tenant: string): void {
    if (activity.serviceUrl && activity.recipient?.id) {
      this.byTenant.set(tenant, {
        serviceUrl: activity.serviceUrl,
        bot: { id: activity.recipient.id, name: activity.recipient.name ?? "" },
      });
    }
    if (!isSharedConversation(activity)) return;
    const data = activity.channelData as
      | { channel?: { id?: string; name?: string }; team?: { id?: string; name?: string } }
      | undefined;
    const ref = channelRefOf(activity);
    if (data?.channel?.id && data.channel.name) this.names.set(data.channel.id, data.channel.name);
    if (conversationTypeOf(activity) === "groupChat" && activity.conversation?.name)
      this.names.set(ref, activity.conversation.name);
    const team = teamOf(activity);
    if (team) this.teamChannels.set(team, new Set([...(this.teamChannels.get(team) ?? []), ref]));
  }

  nameOf(channelRef: string): string | null {
    return this.names.get(channelRef) ?? null;
  }

  private async fallback(
    workspace: Workspace,
  ): Promise<{ serviceUrl: string; bot: ConversationReference["bot"] } | null> {
    for (const stored of await this.core.addresses.ofLeadsAndAdmins(workspace)) {
      const reference = parseReference(stored);
      if (reference.serviceUrl && reference.bot) return { serviceUrl: reference.serviceUrl, bot: reference.bot };
    }
    return null;
  }

  async referenceFor(workspace: Workspace, channelRef: string): Promise<Partial<ConversationReference>> {
    const known = this.byTenant.get(workspace.externalId) ?? (await this.fallback(workspace));
    return {
      channelId: "msteams",
      serviceUrl: known?.serviceUrl ?? GLOBAL_TEAMS_SERVICE_URL,
      bot: known?.bot ?? { id: `28:${this.appId}`, name: "Kundennah" },
      conversation: {
        id: channelRef,
        isGroup: true,
        conversationType: channelRef.includes("@thread.v2") ? "groupChat" : "channel",
        tenantId: workspace.externalId,
        name: "",
      },
    };
  }
}

export interface ChannelPoster {
  adapter: TeamsAdapter;
  appId: string;
  channels: ChannelReferences;
}

/** Runs `work` in a channel or group chat (new messages, not replies). Errors come out as DeliveryErrors. */
export async function inChannel<T>(
  deps: ChannelPoster,
  workspace: Workspace,
  channelRef: string,
  work: (context: TurnContext) => Promise<T>,
): Promise<T> {
  const reference = await deps.channels.referenceFor(workspace, channelRef);
  let result: T | undefined;
  try {
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      result = await work(newMessagesOnly(context));
    });
  } catch (error) {
    if (error instanceof ConversationGoneError)
      throw new DeliveryError("teams: the bot is no longer in this channel", { permanent: true });
    throw error instanceof DeliveryError ? error : new DeliveryError(`teams: ${(error as Error).message}`);
  }
  return result as T;
}
