// `kundennah slack-manifest --host bot.example.com | --socket-mode`: manifests/slack/manifest.json
// ready to paste into "Create New App → From an app manifest", instead of replacing YOUR-HOST by
// hand in seven places.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SLACK_MANIFEST_USAGE = `usage: kundennah slack-manifest --host bot.example.com
       kundennah slack-manifest --socket-mode

  Prints the Slack app manifest (manifests/slack/manifest.json) ready to paste into
  https://api.slack.com/apps → Create New App → From an app manifest.

  --host HOST      the public HTTPS host of the bot (a name such as bot.example.com, with
                   :port if not 443); every request URL becomes https://HOST/slack/events
  --socket-mode    for local development without a public URL: Socket Mode on, no request
                   URLs (then set SLACK_APP_TOKEN, an app-level token xapp-…)`;

const MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../manifests/slack/manifest.json");
const PLACEHOLDER = "YOUR-HOST";

interface SlackManifest {
  features: { slash_commands: { url?: string }[] };
  settings: {
    event_subscriptions: { request_url?: string };
    interactivity: { request_url?: string };
    socket_mode_enabled: boolean;
  };
}

/** A DNS name with at least two labels (Slack needs a public HTTPS host), optionally :port. */
const HOST = /^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)(?::(\d{1,5}))?$/i;

/** The host from what a person typed, or why it cannot be used. `https://host/` is accepted too. */
export function parseHost(input: string): { host: string } | { error: string } {
  let host = input.trim().toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(host);
  if (scheme) {
    if (scheme[1] !== "https")
      return {
        error: `Slack calls the bot over HTTPS only; give the host without ${scheme[1]}://, e.g. --host bot.example.com`,
      };
    host = host.slice(scheme[0].length).replace(/\/$/, "");
  }
  if (host.includes("/"))
    return { error: `give the host only, without a path (the path /slack/events is added): got "${input}"` };
  if (host === PLACEHOLDER.toLowerCase())
    return { error: `replace ${PLACEHOLDER} with your bot's public host name, e.g. --host bot.example.com` };
  const match = HOST.exec(host);
  if (!match || match[1]!.length > 253)
    return { error: `expected a public host name such as bot.example.com (optionally with :port), got "${input}"` };
  const port = match[2] ? Number(match[2]) : null;
  if (port !== null && (port < 1 || port > 65535)) return { error: `the port must be from 1 to 65535, got ${port}` };
  return { host: port === 443 ? match[1]! : host };
}

/** The manifest for one host (every request URL filled in) or for Socket Mode (none at all). */
export function slackManifest(target: { host: string } | { socketMode: true }): SlackManifest {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as SlackManifest;
  const url = "host" in target ? `https://${target.host}/slack/events` : undefined;
  const setUrl = (holder: { url?: string } | { request_url?: string }, key: "url" | "request_url") => {
    if (url) (holder as Record<string, string>)[key] = url;
    else delete (holder as Record<string, string>)[key];
  };
  for (const command of manifest.features.slash_commands) setUrl(command, "url");
  setUrl(manifest.settings.event_subscriptions, "request_url");
  setUrl(manifest.settings.interactivity, "request_url");
  manifest.settings.socket_mode_enabled = !url;
  // A URL added to the manifest file later must not go out with the placeholder in it.
  if (JSON.stringify(manifest).includes(PLACEHOLDER))
    throw new Error(`${MANIFEST} has a ${PLACEHOLDER} this command does not fill in`);
  return manifest;
}

/** Returns the exit code: 0 printed, 2 wrong usage (explained on `errors`). */
export function runSlackManifest(args: string[], out: NodeJS.WritableStream, errors: NodeJS.WritableStream): number {
  const fail = (message: string) => {
    errors.write(`${message}\n\n${SLACK_MANIFEST_USAGE}\n`);
    return 2;
  };
  let host: string | undefined;
  let socketMode = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--socket-mode") socketMode = true;
    else if (arg === "--host") host = args[++i] ?? "";
    else if (arg.startsWith("--host=")) host = arg.slice("--host=".length);
    else return fail(`unknown argument: ${arg}`);
  }
  if (socketMode && host !== undefined)
    return fail("--socket-mode needs no --host: in Socket Mode the bot connects out to Slack");
  if (socketMode) {
    out.write(`${JSON.stringify(slackManifest({ socketMode: true }), null, 2)}\n`);
    return 0;
  }
  if (!host) return fail("--host is required (the bot's public HTTPS host), or --socket-mode for local development");
  const parsed = parseHost(host);
  if ("error" in parsed) return fail(`--host: ${parsed.error}`);
  out.write(`${JSON.stringify(slackManifest({ host: parsed.host }), null, 2)}\n`);
  return 0;
}
