// The admin's `nudge-now` report, said the same on both platforms: nothing to do, started, done.
import type { DeliveryReport } from "../core/checkins/nudges.js";
import type { Language } from "../core/shared/model.js";
import { texts } from "../prompts/texts.js";

/** What to say before the nudges go out; `none` ends the command there. */
export function nudgeNowStart(leaders: number, language: Language): { kind: "none" | "started"; text: string } {
  const t = texts(language);
  return leaders === 0 ? { kind: "none", text: t.nudgeNowNone } : { kind: "started", text: t.nudgeNowStarted(leaders) };
}

/** The report once sending is over: nudges waiting for a retry count as not delivered (yet). */
export function nudgeNowDone(report: DeliveryReport, language: Language): string {
  return texts(language).nudgeNowDone(report.sent, report.retrying + report.failed);
}
