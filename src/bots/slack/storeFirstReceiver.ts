// Slack delivers an Events API event again only when it was not answered 2xx within 3 seconds
// (with X-Slack-Retry-Num, up to three times). Bolt answers every event before its listener
// runs, so a channel message that then could not be stored (the database locked or full for a
// moment) was lost for good. Here channel messages are answered only once their listener is
// done — 200 when stored, 503 when storing failed or took longer than STORE_DEADLINE_MS — and
// everything else (commands, buttons, other events) is answered on ack(), before the work.
import { type App, ExpressReceiver, HTTPModuleFunctions } from "@slack/bolt";

/** Leaves Slack's 3 seconds some room for the network. */
const STORE_DEADLINE_MS = 2_500;

/** Thrown by a message listener when the message was not stored; Bolt's error handler passes it on to here. */
export class NotStoredError extends Error {
  readonly code = "kundennah_message_not_stored";
}

type HandlerArgs = Parameters<ExpressReceiver["requestHandler"]>;

function isMessageEvent(body: unknown): boolean {
  const b = body as { type?: string; event?: { type?: string } } | undefined;
  return b?.type === "event_callback" && b.event?.type === "message";
}

export class StoreFirstReceiver extends ExpressReceiver {
  private slackApp: App | null = null;

  override init(bolt: App): void {
    super.init(bolt);
    this.slackApp = bolt;
  }

  override async requestHandler(req: HandlerArgs[0], res: HandlerArgs[1]): Promise<void> {
    if (!this.slackApp || !isMessageEvent(req.body)) return super.requestHandler(req, res);
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    const processing = this.slackApp.processEvent({
      body: req.body,
      ack: async () => undefined, // answered below, once the listener is done
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
    });
    let timer: NodeJS.Timeout | undefined;
    const stored = await Promise.race([
      processing.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STORE_DEADLINE_MS))),
    ]);
    clearTimeout(timer);
    // Past the deadline the listener goes on; if it stores after all, Slack's retry is a known event id.
    res.status(stored ? 200 : 503).end();
  }
}
