// The leader mirror's ports for the memory core: a workspace where no leader has started a
// mirror round. The core unit tests exercise the other jobs; the mirror's own rules are tested
// in tests/core/mirror and over the wire on the real databases. Any write fails loudly, so a
// core test that starts touching the mirror must bring a real in-memory store first.
import type { MirrorMessenger, MirrorStore } from "../../../src/core/mirror/ports.js";

const unsupported = (what: string) => async (): Promise<never> => {
  throw new Error(`EmptyMirrorStore.${what}: the memory core has no mirror rounds`);
};

export class EmptyMirrorStore implements MirrorStore {
  openRoundOf = async () => null;
  createRound = unsupported("createRound");
  getRound = async () => null;
  setSelfRatings = unsupported("setSelfRatings");
  recordAnswer = unsupported("recordAnswer");
  answeredCount = async () => 0;
  scrub = async () => true;
  getInvite = async () => null;
  claimReminders = async () => [];
  dueRounds = async () => [];
  tally = async () => null;
  closeRound = unsupported("closeRound");
  closedRounds = async () => [];
  getLeaderSettings = async () => ({ raters: [], channels: [] });
  setRaters = unsupported("setRaters");
  setChannels = unsupported("setChannels");
  leadersWithRaters = async () => [];
  getSchedule = async () => ({ cadence: "off" as const, lastQuarter: null });
  setSchedule = unsupported("setSchedule");
  claimQuarter = async () => false;
  scheduledWorkspaces = async () => [];
  roundsClosedIn = async () => [];
  frozenOrgMirror = async () => null;
  freezeOrgMirror = unsupported("freezeOrgMirror");
  frozenOrgMirrors = async () => [];
  askingCounts = async () => ({ asks: 0, suggestions: 0 });
  raterIds = async () => [];
  getMember = async () => null;
}

/** Mirror messages a platform would have sent; the memory core sends none while no round exists. */
export class RecordingMirrorMessenger implements MirrorMessenger {
  readonly sent: { method: string; to: string }[] = [];
  async sendSelfRating(_w: unknown, to: string) {
    this.sent.push({ method: "sendSelfRating", to });
  }
  async sendInvite(_w: unknown, to: string) {
    this.sent.push({ method: "sendInvite", to });
  }
  async sendReminder(_w: unknown, to: string) {
    this.sent.push({ method: "sendReminder", to });
  }
  async sendResults(_w: unknown, to: string) {
    this.sent.push({ method: "sendResults", to });
  }
  async shareResults(_w: unknown, to: string) {
    this.sent.push({ method: "shareResults", to });
  }
}
