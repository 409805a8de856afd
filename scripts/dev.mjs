// npm run dev — the bot in Teams local mode on port 3978 plus the Microsoft 365 Agents Playground
// (a Teams simulator from npm) pointed at it, so you can chat with Kundennah in a browser with no
// Slack or Azure account. Ctrl-C stops both; if one of them exits, the other is stopped too.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PORT = process.env.PORT || "3978";
const PLAYGROUND_PORT = process.env.PLAYGROUND_PORT || "56150";
const endpoint = `http://localhost:${PORT}/api/messages`;

// Local mode is unauthenticated; blank the Azure settings (so .env cannot fill them in) and say so.
const local = { MICROSOFT_APP_ID: "", MICROSOFT_APP_PASSWORD: "", MICROSOFT_APP_TENANT_ID: "", MICROSOFT_APP_TYPE: "", TEAMS_LOCAL_MODE: "true" };

const children = [
  spawn(process.execPath, [require.resolve("tsx/cli"), "src/main.ts"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...local, PORT } }),
  spawn(
    process.execPath,
    [require.resolve("@microsoft/m365agentsplayground/cli.js"), "start", "--app-endpoint", endpoint, "--channel-id", "msteams", "--port", PLAYGROUND_PORT, "--disable-telemetry"],
    // No desktop here, so no browser is opened; open the printed address yourself.
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" } },
  ),
];

console.log(`\nKundennah dev: bot at ${endpoint}, Agents Playground at http://localhost:${PLAYGROUND_PORT} — open it in a browser and type "help".\n`);

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
