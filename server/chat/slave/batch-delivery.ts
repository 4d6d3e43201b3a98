import type { TMessage } from "@/lib/chat/protocol";
import type { TSlaveContext } from "@/server/chat/slave/context";
import { encodeFrame, writeFrame } from "@/server/chat/slave/write-frame";

/**
 * The longest a message waits for companions. Idle (nothing flushed within this long), a message leaves on
 * the next turn of the event loop: no added latency at 20 msg/s. Under load, frames leave at most every
 * TICK_MS, so at 200 msg/s a frame carries ~2 messages and a message waits ~TICK_MS/2 on average.
 */
export const TICK_MS = 10;

/**
 * Coalesces what this slave delivers into one frame per channel (a room's clients, or its staff) per tick,
 * encoded once and written once per socket: `chat:messages` for several, `chat:message` for one.
 */
export class DeliveryBatcher {
  private readonly pending = new Map<string, TMessage[]>();
  private timer: { cancel: () => void } | null = null;
  private lastFlush = 0;

  constructor(private readonly ctx: TSlaveContext) {}

  push(channel: string, message: TMessage): void {
    const list = this.pending.get(channel);
    if (list) list.push(message);
    else this.pending.set(channel, [message]);
    if (this.timer) return;
    const wait = this.lastFlush + TICK_MS - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush());
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => this.flush(), wait);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  /** Sends everything pending now (before a deletion, so a message never arrives after its own removal). */
  flush(): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.pending.size === 0) return;
    this.lastFlush = performance.now();
    const batches = [...this.pending];
    this.pending.clear();
    for (const [channel, messages] of batches) {
      // Ids order messages across slaves (the contract); a relayed one may have overtaken a local one.
      if (messages.length > 1) messages.sort((a, b) => Number(a.id) - Number(b.id));
      const frame =
        messages.length === 1
          ? encodeFrame(this.ctx, "chat:message", messages[0]!)
          : encodeFrame(this.ctx, "chat:messages", messages);
      const sockets = writeFrame(this.ctx, channel, frame);
      this.ctx.stats.messagesOut(sockets * messages.length, "delivered");
    }
  }

  close(): void {
    this.flush();
  }
}
