// Who and where a Teams activity comes from, through the core's identity service: the tenant's
// workspace, the person's member row (kept up to date with the locale and time zone the client
// reports), their language, and whether they may run admin commands.
import type { Activity } from "botbuilder";
import type { Actor } from "../../core/identity/service.js";
import type { Core } from "../../core/index.js";
import { languageFromLocale, type Member, type Profile } from "../../core/shared/model.js";
import { isValidTimeZone } from "../../core/shared/time.js";

export interface TeamsActor extends Actor {
  member: Member;
  personal: boolean;
}

/** What resolving a person needs from the door: the core, and whether this is local mode. */
interface ActorDeps {
  core: Core;
  /** Local mode (Agents Playground): everyone may administrate while nobody is named admin. */
  localMode: boolean;
}

/** In Teams the tenant is the workspace; the Playground and tests name one too. */
export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? "local";
}

/**
 * A person's ids, the stable one first: the AAD object id when Teams gives one, else the Teams
 * user id. Someone first stored under their Teams id keeps that row (the identity service looks).
 */
export function idsOf(person: { aadObjectId?: string | null; id: string }): string[] {
  return person.aadObjectId ? [person.aadObjectId, person.id] : [person.id];
}

export function profileOf(activity: Partial<Activity>): Profile {
  const timezone =
    activity.localTimezone && isValidTimeZone(activity.localTimezone) ? activity.localTimezone : undefined;
  const language = languageFromLocale(activity.locale);
  return {
    ...(activity.from?.name ? { displayName: activity.from.name } : {}),
    ...(timezone ? { timezone } : {}),
    ...(language ? { language } : {}),
  };
}

const isPersonal = (activity: Partial<Activity>) =>
  (activity.conversation?.conversationType ?? "personal") === "personal";

/** The person behind an activity, with their member row read-or-created. `installing`: see ResolveInput. */
export async function resolveActor(
  deps: ActorDeps,
  activity: Partial<Activity>,
  options: { installing?: boolean } = {},
): Promise<TeamsActor> {
  const actor = await deps.core.identity.resolve({
    platform: "teams",
    team: tenantOf(activity),
    user: idsOf(activity.from ?? { id: "unknown" }),
    profile: profileOf(activity),
    create: true,
    openAdminWhenUnset: deps.localMode,
    ...(options.installing ? { installing: true } : {}),
  });
  return { ...actor, personal: isPersonal(activity) };
}

/** Whoever is at the door, known without writing anything about them (an anonymous submitter leaves no trace). */
export interface Visitor extends Actor {
  personal: boolean;
}

export async function resolveVisitor(deps: ActorDeps, activity: Partial<Activity>): Promise<Visitor> {
  const actor = await deps.core.identity.resolve({
    platform: "teams",
    team: tenantOf(activity),
    user: idsOf(activity.from ?? { id: "unknown" }),
    profile: profileOf(activity),
    openAdminWhenUnset: deps.localMode,
  });
  return { ...actor, personal: isPersonal(activity) };
}
