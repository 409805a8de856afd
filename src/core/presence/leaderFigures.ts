// The leaders' section of a week's digest. It counts only the leaders who were sent a nudge for
// that week and only their answers for it, hides an average of too few leaders, and is frozen the
// first time the week's digest is computed: every preview and the posted digest show the same
// figures, so no two of them differ by one late answer (which still counts in the leader's own
// history, just never for a week that was shown).
import type { LeaderWeekStats, PresenceStore } from "./ports.js";

export async function leaderFigures(
  store: PresenceStore,
  workspaceId: string,
  week: string,
  minLeaders: number,
): Promise<LeaderWeekStats> {
  const frozen = await store.frozenLeaderStats(workspaceId, week);
  if (frozen) return frozen;
  return store.freezeLeaderStats(
    workspaceId,
    week,
    withoutSmallGroups(await store.leaderStats(workspaceId, week), minLeaders),
  );
}

/** An average of one or two leaders would come close to a single person's rating; it is not even kept. */
export function withoutSmallGroups(stats: LeaderWeekStats, minLeaders: number): LeaderWeekStats {
  return {
    ...stats,
    questions: stats.questions.map((q) => ({ ...q, average: q.leaders >= minLeaders ? q.average : null })),
  };
}
