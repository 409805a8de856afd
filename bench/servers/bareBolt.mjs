// The baseline: a bare Bolt app on an ExpressReceiver that only acknowledges. Plain JavaScript
// run by plain `node` (no tsx loader), so it is also the memory baseline for "Bolt itself".
// Env: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, PORT (0 = any).
import bolt from "@slack/bolt";

const { App, ExpressReceiver, LogLevel } = bolt;
const receiver = new ExpressReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {},
});
app.command("/cx-me", async ({ ack }) => {
  await ack();
});
app.command("/cx-admin", async ({ ack }) => {
  await ack();
});
// Events: Bolt acks events itself; the listener does nothing.
app.event("message", async () => {});

const server = await app.start(Number(process.env.PORT ?? 0));
const address = server.address();
process.send?.({ type: "ready", url: `http://127.0.0.1:${address.port}` });
process.on("SIGTERM", () => {
  void app.stop().finally(() => process.exit(0));
});
