// npm run dev — the bot in Teams local mode on port 3978 plus the Microsoft 365 Agents Playground
// (a Teams simulator from npm) pointed at it, so you can chat with Kundennah in a browser with no
// Slack or Azure account. Ctrl-C stops both; if one of them exits, the other is stopped too.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PORT = process.env.PORT || "3978";
const PLAYGROUND_PORT = process.env.PLAYGROUND_PORT || "56150";
const endpoint = `http://localhost:${PORT}/api/messages`;
/** The line scripts/playground-loopback.cjs prints once the Playground listens. */
const LISTENING = /^kundennah-dev: playground listening on ([^\s]+):(\d+)$/;

// Local mode is unauthenticated; blank the Azure settings (so .env cannot fill them in) and say so.
const local = {
  MICROSOFT_APP_ID: "",
  MICROSOFT_APP_PASSWORD: "",
  MICROSOFT_APP_TENANT_ID: "",
  MICROSOFT_APP_TYPE: "",
  TEAMS_LOCAL_MODE: "true",
};

function banner({ playgroundPort, requestedPort, address, botEndpoint }) {
  const moved = String(playgroundPort) !== String(requestedPort) ? ` (port ${requestedPort} was taken)` : "";
  return [
    "",
    "──────────────────────────────────────────────────────────────────────────────",
    ` Kundennah dev: open http://localhost:${playgroundPort}${moved}`,
    ` bot: ${botEndpoint} (Teams local mode: no sign-in, everyone is an admin)`,
    address === "127.0.0.1"
      ? " Both listen on this machine only (127.0.0.1); do not forward or proxy these ports."
      : ` WARNING: the Playground listens on ${address}, so others on the network can reach it and act as admin.`,
    "",
    ' In the Playground the bot is called "Test Bot" (the Playground\'s own name for it).',
    " · Personal chat: type help, then leaders add me and nudge-now.",
    " · In a team channel or group chat, commands need an @mention: @Test Bot digest-channel.",
    " · A plain channel message, the kind customer presence counts, is sent with",
    "   Mock an Activity → Custom activity.",
    "──────────────────────────────────────────────────────────────────────────────",
    "",
  ].join("\n");
}

const playground = spawn(
  process.execPath,
  [
    "--require",
    path.join(ROOT, "scripts/playground-loopback.cjs"),
    require.resolve("@microsoft/m365agentsplayground/cli.js"),
    "start",
    "--app-endpoint",
    endpoint,
    "--channel-id",
    "msteams",
    "--port",
    PLAYGROUND_PORT,
    "--disable-telemetry",
  ],
  // No desktop here, so no browser is opened; the banner names the address to open.
  { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" } },
);
const children = [
  spawn(process.execPath, [require.resolve("tsx/cli"), "src/main.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...local, PORT },
  }),
  playground,
];

// The Playground picks another port when the requested one is taken; announce the one it got.
readline.createInterface({ input: playground.stdout }).on("line", (line) => {
  const listening = LISTENING.exec(line);
  if (!listening) {
    console.log(line);
    return;
  }
  console.log(
    banner({
      playgroundPort: listening[2],
      requestedPort: PLAYGROUND_PORT,
      address: listening[1],
      botEndpoint: endpoint,
    }),
  );
});

let stopping = false;
function stopAll(signal = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const child of children) {
  child.on("exit", (code) => {
    stopAll();
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
process.on("SIGINT", () => stopAll("SIGINT"));
process.on("SIGTERM", () => stopAll("SIGTERM"));
