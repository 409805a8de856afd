// Work that follows an ack() waits here for one of a few slots. Acks are cheap; the work after
// them (database, Web API calls) is not. Without a limit, a burst of 50 requests runs 50 chains
// of follow-up work at once on the one event loop, and the next request's ack waits behind all
// of them. With a small limit the loop stays free to answer Slack within its 3 seconds.
export class AfterAckQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots = 2) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot goes to the next job only after the event loop has read what arrived
      // meanwhile: handed over at once, a backlog of jobs would run back to back while new
      // requests wait for their ack.
      if (next) setImmediate(next);
      else this.running--;
    }
  }
}
