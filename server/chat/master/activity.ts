import { NodeStats, SecondRate } from "@/server/metrics/node-stats";

export type TActivitySample = { at: string; viewers: number; messages: number };

const MINUTE = 60_000;
const HISTORY_MINUTES = 60;

/**
 * What the master sees of the chat for the admin dashboard: its own node stats, each room's message rate,
 * and a per-minute ring buffer (last hour) of viewers (peak of the minute) and messages relayed through it.
 */
export class MasterActivity {
  readonly node = new NodeStats();
  private readonly roomRates = new Map<string, SecondRate>();
  private readonly samples: { minute: number; viewers: number; messages: number }[] = [];

  /** A chat message a slave stored and sent here. */
  message(roomId: string, now = Date.now()): void {
    this.node.messageIn();
    let rate = this.roomRates.get(roomId);
    if (!rate) this.roomRates.set(roomId, (rate = new SecondRate()));
    rate.add(1, now);
    this.current(now).messages += 1;
  }

  /** Called every few seconds with the viewers across every room. */
  sampleViewers(viewers: number, now = Date.now()): void {
    const sample = this.current(now);
    sample.viewers = Math.max(sample.viewers, viewers);
  }

  roomRate(roomId: string): number {
    return this.roomRates.get(roomId)?.perSecond() ?? 0;
  }

  /** The last hour, oldest first, one point per minute (minutes without a sample are zero). */
  history(now = Date.now()): TActivitySample[] {
    const last = Math.floor(now / MINUTE);
    const byMinute = new Map(this.samples.map((s) => [s.minute, s]));
    const out: TActivitySample[] = [];
    for (let m = last - HISTORY_MINUTES + 1; m <= last; m++) {
      const s = byMinute.get(m);
      out.push({
        at: new Date(m * MINUTE).toISOString(),
        viewers: s?.viewers ?? 0,
        messages: s?.messages ?? 0,
      });
    }
    return out;
  }

  private current(now: number): { minute: number; viewers: number; messages: number } {
    const minute = Math.floor(now / MINUTE);
    let sample = this.samples[this.samples.length - 1];
    if (!sample || sample.minute !== minute) {
      sample = { minute, viewers: 0, messages: 0 };
      this.samples.push(sample);
      if (this.samples.length > HISTORY_MINUTES) this.samples.shift();
    }
    return sample;
  }
}
