// Who and where a Teams activity comes from: the tenant's workspace, the person's member row
// (kept up to date with the locale and time zone the client reports), their language, and
// whether they may run admin commands.
import type { Activity } from "botbuilder";
import type { Core } from "../../core/index.js";
import { languageFromLocale, type Language, type Member, type Profile, type Workspace } from "../../core/shared/model.js";
import { isValidTimeZone } from "../../core/shared/time.js";

export interface TeamsActor {
  workspace: Workspace;
  member: Member;
  /** The member's externalId: what the core compares nudges against. */
  userId: string;
  /** Every id this person is known by (AAD object id and the Teams "29:…" id), for admin checks. */
  ids: string[];
  language: Language;
  personal: boolean;
}

/** In Teams the tenant is the workspace; the Playground and tests name one too. */
export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? "local";
}

/**
 * The stable key of a person: the AAD object id when Teams gives one, else the Teams user id.
 * Someone first stored under their Teams id keeps that row, so one person never becomes two.
 */
export async function personKey(core: Core, workspace: Workspace, person: { aadObjectId?: string | null; id: string }): Promise<string> {
  if (person.aadObjectId) {
    if (await core.store.findMember(workspace.id, person.aadObjectId)) return person.aadObjectId;
    if (await core.store.findMember(workspace.id, person.id)) return person.id;
    return person.aadObjectId;
  }
  return person.id;
}

export function profileOf(activity: Partial<Activity>): Profile {
  const timezone = activity.localTimezone && isValidTimeZone(activity.localTimezone) ? activity.localTimezone : undefined;
  const language = languageFromLocale(activity.locale);
  return {
    ...(activity.from?.name ? { displayName: activity.from.name } : {}),
    ...(timezone ? { timezone } : {}),
    ...(language ? { language } : {}),
  };
}

export async function resolveActor(core: Core, activity: Partial<Activity>): Promise<TeamsActor> {
  const workspace = await core.store.ensureWorkspace("teams", tenantOf(activity), core.defaults);
  const from = activity.from ?? { id: "unknown", name: "" };
  const userId = await personKey(core, workspace, from);
  const member = await core.store.ensureMember(workspace.id, userId, profileOf(activity));
  return {
    workspace,
    member,
    userId,
    ids: [...new Set([from.aadObjectId, from.id].filter((id): id is string => Boolean(id)))],
    language: member.language ?? workspace.language,
    personal: (activity.conversation?.conversationType ?? "personal") === "personal",
  };
}

/**
 * KUNDENNAH_ADMINS and the workspace's named admins. In local mode with no admins configured
 * anywhere, everyone is (only this machine can reach the bot then), so the Playground try-out works.
 */
export function isAdmin(core: Core, actor: TeamsActor, localMode: boolean): boolean {
  if (actor.ids.some((id) => core.admins.has(id) || actor.workspace.admins.includes(id))) return true;
  return localMode && core.admins.size === 0 && actor.workspace.admins.length === 0;
}
