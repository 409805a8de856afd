// Customer presence in Teams. With resource-specific consent (ChannelMessage.Read.Group for team
// channels, ChatMessage.Read.Chat for group chats) Teams sends the bot every message there, not
// only those that @mention it. Those that are not commands become signals (never text); edits
// re-classify, deletes remove. Adding the bot to a team or group chat posts the notice; removing
// it forgets the channels. There is no history baseline in Teams: reading past messages would
// need Microsoft Graph application permissions this app does not ask for.
import type { Activity } from "botbuilder";
import type { Core } from "../../../core/index.js";
import type { Workspace } from "../../../core/shared/model.js";
import { tenantOf } from "../actor.js";
import { type ChannelPoster, channelRefOf, isFromBot, teamOf } from "../channels.js";
import { isInstallation, isUninstallation } from "../conversations.js";
import { plainText } from "../markdown.js";

type EventType =
  | "editMessage"
  | "softDeleteMessage"
  | "undeleteMessage"
  | "channelDeleted"
  | "channelCreated"
  | "channelRenamed"
  | string;
const eventTypeOf = (activity: Partial<Activity>): EventType | undefined =>
  (activity.channelData as { eventType?: string } | undefined)?.eventType;

/** Measures messages in channels and group chats; knows which channels have had their notice. */
export class TeamsPresence {
  /** Channels already tracked (or excluded) in this process, so a message costs no extra write. */
  private readonly known = new Set<string>();

  constructor(
    private readonly core: Core,
    private readonly deps: ChannelPoster,
  ) {}

  private workspace(activity: Partial<Activity>): Promise<Workspace> {
    return this.core.identity.workspace("teams", tenantOf(activity));
  }

  /**
   * A channel the bot sees for the first time (with RSC it reads every channel of a team, not only
   * the one it was added in) gets the notice before anything there is measured.
   */
  private async ensureJoined(workspace: Workspace, channelRef: string, team: string | null): Promise<void> {
    const key = `${workspace.id}|${channelRef}`;
    if (this.known.has(key)) return;
    try {
      await this.core.presence.joined(workspace, channelRef, team ?? undefined);
    } catch (error) {
      this.core.logger.warn({ reason: (error as Error).message }, "teams: could not post the presence notice");
    }
    this.known.add(key);
  }

  /** A message from a person in a channel or group chat that is not a command for the bot. */
  async message(activity: Partial<Activity>): Promise<void> {
    if (isFromBot(activity) || !activity.id) return;
    const workspace = await this.workspace(activity);
    const channelRef = channelRefOf(activity);
    await this.ensureJoined(workspace, channelRef, teamOf(activity));
    await this.core.presence.ingest(workspace, [
      {
        eventId: `teams:${channelRef}:${activity.id}`,
        channelRef,
        ...(teamOf(activity) ? { groupRef: teamOf(activity)! } : {}),
        messageRef: activity.id,
        authorId: activity.from?.aadObjectId ?? activity.from!.id,
        text: plainText(activity.text ?? ""),
        at: activity.timestamp ? new Date(activity.timestamp) : this.core.clock(),
      },
    ]);
  }

  /** messageUpdate: an edit re-classifies (the same message id updates its one signal); an undelete counts again. */
  async update(activity: Partial<Activity>): Promise<void> {
    const type = eventTypeOf(activity);
    if ((type !== "editMessage" && type !== "undeleteMessage") || isFromBot(activity) || !activity.id) return;
    const workspace = await this.workspace(activity);
    await this.core.presence.ingest(workspace, [
      {
        channelRef: channelRefOf(activity),
        messageRef: activity.id,
        authorId: activity.from?.aadObjectId ?? activity.from!.id,
        text: plainText(activity.text ?? ""),
        at: activity.timestamp ? new Date(activity.timestamp) : this.core.clock(),
      },
    ]);
  }

  /** messageDelete: the message's signal goes. */
  async remove(activity: Partial<Activity>): Promise<void> {
    if (eventTypeOf(activity) !== "softDeleteMessage" || !activity.id) return;
    await this.core.presence.remove(await this.workspace(activity), channelRefOf(activity), activity.id);
  }

  /**
   * conversationUpdate / installationUpdate in a team or group chat: added → notice and tracking;
   * removed → every channel of that team (that this process saw) forgotten; a deleted channel too.
   */
  async conversationUpdate(activity: Partial<Activity>): Promise<void> {
    const workspace = await this.workspace(activity);
    const channelRef = channelRefOf(activity);
    const eventType = eventTypeOf(activity);
    if (eventType === "channelDeleted") {
      const deleted = (activity.channelData as { channel?: { id?: string } }).channel?.id;
      if (deleted) await this.forget(workspace, deleted);
      return;
    }
    if (isUninstallation(activity)) {
      const team = teamOf(activity);
      // The team's channels as stored (so a restart or another replica forgets them too), plus
      // any this process has seen but not yet stored.
      const stored = team ? await this.core.presence.leftGroup(workspace, team) : [];
      const channels = new Set([channelRef, ...(team ? (this.deps.channels.teamChannels.get(team) ?? []) : [])]);
      for (const ref of channels) if (!stored.includes(ref)) await this.forget(workspace, ref);
      for (const ref of stored) this.known.delete(`${workspace.id}|${ref}`);
      if (team) this.deps.channels.teamChannels.delete(team);
      return;
    }
    if (isInstallation(activity)) {
      this.known.delete(`${workspace.id}|${channelRef}`);
      await this.ensureJoined(workspace, channelRef, teamOf(activity));
    }
  }

  private async forget(workspace: Workspace, channelRef: string): Promise<void> {
    this.known.delete(`${workspace.id}|${channelRef}`);
    await this.core.presence.left(workspace, channelRef);
  }
}
