import { LIKE_BATCH_MAX } from "@/lib/chat/engage-protocol";

/** A client sends its heart taps at most this often. */
export const LIKE_SEND_MS = 500;

/**
 * Heart taps leave the browser at most twice a second: the first tap after a quiet moment at once, the
 * taps that follow within LIKE_SEND_MS together as one `like:tap { count }`. A viewer tapping 5 times a
 * second sends 2 packets, not 5: with thousands of viewers tapping, the slaves' cost was the packets
 * themselves (bench:auction measured 1,000 viewers × 5 taps/s at 1.18× the CPU of chat at 20 msg/s).
 */
export class LikeBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = -Infinity;

  constructor(
    private readonly send: (count: number) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  tap(): void {
    this.pending = Math.min(this.pending + 1, LIKE_BATCH_MAX);
    if (this.timer) return;
    const wait = this.lastSentAt + LIKE_SEND_MS - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is pending now (also when the page goes away). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === 0) return;
    const count = this.pending;
    this.pending = 0;
    this.lastSentAt = this.now();
    this.send(count);
  }

  /** Drops pending taps (the connection closed). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = 0;
  }
}
