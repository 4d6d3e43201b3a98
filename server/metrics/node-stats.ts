import type { TNodeStats } from "@/lib/chat/node-protocol";
import { metrics } from "@/server/metrics/registry";

/** Rates are averaged over this many whole seconds. */
const WINDOW_S = 5;

/** Events per second in one-second buckets (the current, unfinished second is left out). */
export class SecondRate {
  private readonly buckets = new Map<number, number>();

  add(n = 1, now = Date.now()): void {
    const s = Math.floor(now / 1000);
    this.buckets.set(s, (this.buckets.get(s) ?? 0) + n);
    if (this.buckets.size > WINDOW_S + 2)
      for (const k of this.buckets.keys()) if (k < s - WINDOW_S) this.buckets.delete(k);
  }

  perSecond(now = Date.now()): number {
    const s = Math.floor(now / 1000);
    let total = 0;
    for (const [k, v] of this.buckets) if (k >= s - WINDOW_S && k < s) total += v;
    return Math.round((total / WINDOW_S) * 10) / 10;
  }
}

/**
 * A chat node's counters: feeds the Prometheus metrics and the per-second figures that slaves send in their
 * heartbeats (and the master reports for itself) for the admin's nodes page.
 */
export class NodeStats {
  private readonly inRate = new SecondRate();
  private readonly outRate = new SecondRate();
  private cpu = { at: Date.now(), usage: process.cpuUsage(), percent: 0 };
  private mem = process.memoryUsage();

  /** A message accepted (slave: from a client; master: from a slave). */
  messageIn(): void {
    this.inRate.add();
    metrics().messagesIn.inc();
  }

  /** Copies sent on: to client sockets (slave) or to other slaves (master). */
  messagesOut(n: number, kind: "delivered" | "relayed"): void {
    if (n <= 0) return;
    this.outRate.add(n);
    (kind === "delivered" ? metrics().messagesDelivered : metrics().messagesRelayed).inc(n);
  }

  /** A message another slave accepted reached this slave's clients: how long it took. */
  relayLatency(createdAt: string): void {
    const ms = Date.now() - Date.parse(createdAt);
    if (Number.isFinite(ms) && ms >= 0) metrics().relayLatency.observe(ms / 1000);
  }

  snapshot(): TNodeStats {
    const now = Date.now();
    if (now - this.cpu.at >= 1000) {
      const usage = process.cpuUsage();
      const usedUs = usage.user - this.cpu.usage.user + (usage.system - this.cpu.usage.system);
      this.cpu = { at: now, usage, percent: Math.round((usedUs / 1000 / (now - this.cpu.at)) * 1000) / 10 };
      // Read with the CPU, once a second: a slave heartbeats up to 20 times a second while viewers join.
      this.mem = process.memoryUsage();
    }
    const mem = this.mem;
    return {
      messagesInPerSec: this.inRate.perSecond(now),
      messagesOutPerSec: this.outRate.perSecond(now),
      cpuPercent: this.cpu.percent,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      uptimeSec: Math.round(process.uptime()),
    };
  }
}
