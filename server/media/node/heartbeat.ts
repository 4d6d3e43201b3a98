import { db } from "@/server/db";
import type { Logger } from "@/server/log";
import { HEARTBEAT_MS } from "@/server/media/nodes/media-nodes";

export type TNodeLoad = { connections: number; liveShows: number; maxLiveShows: number };

/**
 * The node's row in `MediaNode`, written every 2 s: web processes read it to assign shows and to find
 * where a show's HLS lives, so they need no memory of their own and no list of nodes in their config.
 * `draining` is not written here (the admin owns it); it is read back so the node refuses new shows.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  draining = false;
  /** When the row was last written: null until the first beat lands (the node is not assignable yet). */
  writtenAt: Date | null = null;

  constructor(
    private readonly node: { nodeId: string; url: string },
    private readonly load: () => TNodeLoad,
    private readonly log: Logger,
  ) {}

  /** Writes the first beat (so the node is assignable as soon as it listens) and keeps beating. */
  async start(): Promise<void> {
    const startedAt = new Date();
    await this.beat(startedAt);
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  async beat(startedAt?: Date): Promise<void> {
    if (this.beating) return this.beating;
    this.beating = (async () => {
      try {
        const now = new Date();
        const fields = { url: this.node.url, ...this.load(), heartbeatAt: now };
        const row = await db.mediaNode.upsert({
          where: { id: this.node.nodeId },
          create: { id: this.node.nodeId, ...fields, startedAt: startedAt ?? now },
          update: { ...fields, ...(startedAt ? { startedAt } : {}) },
          select: { draining: true },
        });
        if (row.draining !== this.draining)
          this.log.info(
            { draining: row.draining },
            row.draining ? "draining: no new shows" : "taking new shows again",
          );
        this.draining = row.draining;
        this.writtenAt = now;
      } catch (err) {
        // The database is down: the node keeps serving its shows; web processes will see it as dead.
        this.log.warn({ err: (err as Error).message }, "heartbeat failed");
      } finally {
        this.beating = null;
      }
    })();
    return this.beating;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
