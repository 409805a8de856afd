// Who is this Slack user? Time zone, locale and admin flag from users.info, cached briefly so
// a burst of interactions costs one Web API call per person.
import type { WebClient } from "@slack/web-api";
import { languageFromLocale, type Profile } from "../../core/shared/model.js";
import { isValidTimeZone } from "../../core/shared/time.js";

interface SlackPerson extends Profile {
  isAdmin: boolean;
}

const TTL_MS = 5 * 60_000;

export class SlackPeople {
  private readonly cache = new Map<string, { at: number; person: SlackPerson }>();

  constructor(private readonly client: WebClient) {}

  async lookup(userId: string): Promise<SlackPerson> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.person;
    const res = await this.client.users.info({ user: userId, include_locale: true });
    const user = res.user;
    const person: SlackPerson = {
      displayName: user?.profile?.display_name || user?.real_name || user?.name || null,
      timezone: user?.tz && isValidTimeZone(user.tz) ? user.tz : null,
      language: languageFromLocale(user?.locale),
      isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
    };
    this.cache.set(userId, { at: Date.now(), person });
    return person;
  }

  /** Like lookup, but an unreachable API yields an empty profile instead of an error. */
  async profile(userId: string): Promise<Profile> {
    try {
      const { isAdmin: _ignored, ...profile } = await this.lookup(userId);
      return profile;
    } catch {
      return {};
    }
  }
}
