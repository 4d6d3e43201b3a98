/** Latency histograms that several processes can fill and one can merge: 50 µs buckets up to 10 s. */
export const BUCKET_MS = 0.05;
const BUCKETS = 200_000;

/** A monotonic clock shared by every process on the machine (CLOCK_MONOTONIC), in milliseconds. */
export function nowMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  /** Values past the last bucket, kept exactly. */
  private readonly overflow: number[] = [];
  count = 0;
  sum = 0;
  max = 0;

  add(ms: number): void {
    const v = Math.max(0, ms);
    this.count += 1;
    this.sum += v;
    if (v > this.max) this.max = v;
    const i = Math.floor(v / BUCKET_MS);
    if (i < BUCKETS) this.counts[i]! += 1;
    else this.overflow.push(v);
  }

  /** Sparse form for IPC: [bucket, count] pairs plus the overflow values. */
  toJSON(): THistogramData {
    const buckets: [number, number][] = [];
    this.counts.forEach((c, i) => {
      if (c > 0) buckets.push([i, c]);
    });
    return { buckets, overflow: this.overflow, count: this.count, sum: this.sum, max: this.max };
  }

  merge(data: THistogramData): void {
    for (const [i, c] of data.buckets) this.counts[i]! += c;
    this.overflow.push(...data.overflow);
    this.count += data.count;
    this.sum += data.sum;
    this.max = Math.max(this.max, data.max);
  }

  /** The value below which p% of the samples fall (upper edge of its bucket), in ms. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, (i + 1) * BUCKET_MS);
    }
    const sorted = [...this.overflow].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, rank - seen - 1)] ?? this.max;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }
}

export type THistogramData = {
  buckets: [number, number][];
  overflow: number[];
  count: number;
  sum: number;
  max: number;
};
