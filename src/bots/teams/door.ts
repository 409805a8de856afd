// The Teams door: /api/messages on our Express server, the Bot Framework adapter behind it, the
// route table every job folder contributes to, and the messengers the core sends through.
// botbuilder is imported only under src/bots/teams, so moving to the Microsoft 365 Agents SDK
// stays a change of this folder.

import type { Activity, ConversationReference, TurnContext } from "botbuilder";
import type { Express } from "express";
import type { TeamsConfig } from "../../config.js";
import type { Core } from "../../core/index.js";
import { readJsonBody } from "../../http/bodyLimit.js";
import type { AppLogger } from "../../logger.js";
import { adminRoutes } from "./admin/index.js";
import { admit, createAdapter, type TeamsAdapter } from "./auth.js";
import { ChannelReferences } from "./channels.js";
import { checkinRoutes, TeamsMessenger } from "./checkins/index.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withDeliveryRetries } from "./delivery.js";
import { installationRoutes } from "./installation.js";
import { mirrorRoutes, TeamsMirrorMessenger } from "./mirror/index.js"; // leader mirror (issue 12)
import { presenceRoutes, TeamsPresenceMessenger } from "./presence/index.js";
import { newMessagesOnly } from "./proactive.js";
import { routeTable, type TeamsDeps } from "./routes.js";
import { suggestionRoutes, TeamsSuggestionMessenger } from "./suggestions/index.js";
import { handleTurn } from "./turn.js";

const TEAMS_MESSAGES_PATH = "/api/messages";

export interface TeamsDoor {
  mode: TeamsConfig["mode"];
  adapter: TeamsAdapter;
  /** Waits for work that continued after an HTTP answer (e.g. nudge-now). */
  stop(): Promise<void>;
}

export interface TeamsDoorOptions {
  retryPolicy?: RetryPolicy;
}

/**
 * The connector client comes with its own retry policy (Azure core pipeline). It is removed so
 * that withDeliveryRetries is the single place deciding about retries, backoff and giving up.
 */
function withoutSdkRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { phase: "Retry" }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: "Retry" });
}

export function createTeamsDoor(
  config: TeamsConfig,
  core: Core,
  logger: AppLogger,
  server: Express,
  options: TeamsDoorOptions = {},
): TeamsDoor {
  const log = logger.child({ component: "teams" });
  const { adapter, appId } = createAdapter(config);
  const retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  adapter.use({
    onTurn: async (context, next) => {
      withoutSdkRetries(context);
      await next();
    },
  });

  const pending = new Set<Promise<void>>();
  const channels = new ChannelReferences(core, appId);
  const proactive = { adapter, appId, addresses: core.addresses, retryPolicy, channels };
  const deps: TeamsDeps = {
    channels,
    core,
    retryPolicy,
    localMode: config.mode === "local",
    background: (work, what) => {
      const task = work()
        .catch((error: unknown) =>
          log.error({ task: what, reason: (error as Error).message }, "teams background work failed"),
        )
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    sayProactively: async (reference: Partial<ConversationReference>, text: string) => {
      const { activityId: _reply, ...conversation } = reference;
      await adapter.continueConversationAsync(appId, conversation, async (context) => {
        await withDeliveryRetries("proactive reply", () => newMessagesOnly(context).sendActivity(text), retryPolicy);
      });
    },
  };
  const routes = routeTable(
    installationRoutes,
    checkinRoutes,
    suggestionRoutes,
    presenceRoutes(core, proactive),
    mirrorRoutes, // leader mirror (issue 12)
    adminRoutes,
  );
  core.registerPlatform("teams", {
    nudges: new TeamsMessenger(proactive),
    suggestions: new TeamsSuggestionMessenger(core, proactive),
    presence: new TeamsPresenceMessenger(core, proactive),
    mirror: new TeamsMirrorMessenger(core, proactive), // leader mirror (issue 12)
  });

  if (config.mode === "local") {
    log.warn(
      { endpoint: TEAMS_MESSAGES_PATH },
      "Teams local mode: activities are NOT authenticated and accepted from this machine only (for the Microsoft 365 Agents Playground). Set MICROSOFT_APP_ID for a real Teams tenant.",
    );
  }

  server.post(TEAMS_MESSAGES_PATH, ...readJsonBody(), async (req, res) => {
    const activity = req.body as Activity | undefined;
    if (!activity || typeof activity !== "object" || typeof activity.type !== "string") {
      res.status(400).json({ error: "expected a Bot Framework activity" });
      return;
    }
    const admission = await admit(adapter, config, req, activity);
    if (!admission.ok) {
      log.warn(
        { status: admission.status, reason: admission.reason, activity: activity.type },
        "teams request refused",
      );
      res.status(admission.status).end();
      return;
    }
    try {
      const invoke = await adapter.run(admission.auth, activity, (context) => handleTurn(deps, routes, context));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      log.error({ activity: activity.type, reason: (error as Error).message }, "teams activity failed");
      if (!res.headersSent) res.status(500).end();
    }
  });

  return {
    mode: config.mode,
    adapter,
    stop: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}
