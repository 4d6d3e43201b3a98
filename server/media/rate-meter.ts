/** Bytes per second over a sliding window, in one-second buckets. */
export class RateMeter {
  private buckets = new Map<number, number>();

  constructor(private readonly windowSeconds = 5) {}

  add(bytes: number, now = Date.now()): void {
    const s = Math.floor(now / 1000);
    this.buckets.set(s, (this.buckets.get(s) ?? 0) + bytes);
    for (const k of this.buckets.keys()) if (k <= s - this.windowSeconds) this.buckets.delete(k);
  }

  /** Kilobits per second averaged over the window. */
  kbps(now = Date.now()): number {
    const s = Math.floor(now / 1000);
    let total = 0;
    for (const [k, v] of this.buckets) if (k > s - this.windowSeconds) total += v;
    return Math.round((total * 8) / 1000 / this.windowSeconds);
  }
}
