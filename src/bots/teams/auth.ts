// Bot Framework authentication and the adapter. With an app id every request must carry a
// valid Bot Framework JWT (CloudAdapter's ConfigurationBotFrameworkAuthentication checks it);
// in local mode there are no credentials, so only loopback callers are let in.

import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { Request } from "express";
import type { TeamsConfig } from "../../config.js";

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

/** CloudAdapter whose turn runner we call ourselves, so the HTTP answer (and 401s) stay ours. */
export class TeamsAdapter extends CloudAdapter {
  constructor(readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  run(
    authResult: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authResult, activity, logic);
  }
}

export function createAdapter(config: TeamsConfig): { adapter: TeamsAdapter; appId: string } {
  const settings =
    config.mode === "azure"
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword ?? "",
          MicrosoftAppType: config.appType === "UserAssignedMSI" ? "UserAssignedMsi" : config.appType,
          MicrosoftAppTenantId: config.tenantId ?? "",
        }
      : {};
  const adapter = new TeamsAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  // Proactive turns need the bot's app id; in local mode there is none (an empty id is anonymous).
  return { adapter, appId: config.mode === "azure" ? config.appId : "" };
}

type Admission = { ok: true; auth: AuthenticateRequestResult } | { ok: false; status: 401 | 403; reason: string };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Headers that reverse proxies, load balancers and CDNs add (standard, de facto and vendor ones:
 * nginx, Cloudflare, Akamai, Fastly, Azure Front Door and App Service). A proxy on this machine
 * connects from loopback on behalf of anyone, so any one of them makes a request non-local.
 */
const PROXY_HEADER =
  /^(forwarded|via|x-forwarded(-.+)?|x-real-ip|x-client-ip|client-ip|true-client-ip|cf-connecting-ip|fastly-client-ip|akamai-client-ip|x-cluster-client-ip|x-original-forwarded-for|x-arr-clientip|x-azure-clientip|x-azure-socketip|x-envoy-external-address)$/;

/** A request that went through a proxy is not local, even if the proxy runs on this machine. */
function isLocalRequest(req: Request): boolean {
  return (
    LOOPBACK.test(req.socket.remoteAddress ?? "") && !Object.keys(req.headers).some((name) => PROXY_HEADER.test(name))
  );
}

/**
 * Only Teams activities. With Web Chat or Direct Line enabled on the Azure Bot, the client picks
 * its own from.id and tenant, and the Bot Framework signs those activities with the same keys, so
 * someone could pose as an id in KUNDENNAH_ADMINS. The Agents Playground sends msteams too.
 */
const TEAMS_CHANNEL = "msteams";

/** Decides whether an activity may run, before any of our code sees it. */
export async function admit(
  adapter: TeamsAdapter,
  config: TeamsConfig,
  req: Request,
  activity: Activity,
): Promise<Admission> {
  const admission = await authenticate(adapter, config, req, activity);
  if (admission.ok && activity.channelId !== TEAMS_CHANNEL)
    return { ok: false, status: 403, reason: "not a Microsoft Teams activity" };
  return admission;
}

async function authenticate(
  adapter: TeamsAdapter,
  config: TeamsConfig,
  req: Request,
  activity: Activity,
): Promise<Admission> {
  const header = String(req.headers.authorization ?? "");
  if (config.mode === "local") {
    if (!isLocalRequest(req))
      return { ok: false, status: 403, reason: "local mode accepts activities from this machine only" };
    return { ok: true, auth: await adapter.auth.authenticateRequest(activity, "") };
  }
  if (!/^Bearer \S+$/.test(header)) return { ok: false, status: 401, reason: "no Bot Framework token" };
  try {
    return { ok: true, auth: await adapter.auth.authenticateRequest(activity, header) };
  } catch (error) {
    // Whatever failed — signature, issuer, audience, expiry, or fetching Microsoft's keys — the
    // request is not proven to come from the Bot Framework, so it is refused.
    return { ok: false, status: 401, reason: (error as Error).message.slice(0, 200) };
  }
}
