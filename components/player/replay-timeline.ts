import type { TReplayMessage, TReplayPin } from "@/server/media/get-replay";

/** The last `limit` messages sent at or before `offsetMs` (messages are in send order). */
export function messagesUntil(messages: TReplayMessage[], offsetMs: number, limit: number): TReplayMessage[] {
  let end = 0;
  while (end < messages.length && (messages[end]?.offsetMs ?? Infinity) <= offsetMs) end++;
  return messages.slice(Math.max(0, end - limit), end);
}

/** The product pinned at `offsetMs`, or null. */
export function pinAt(pins: TReplayPin[], offsetMs: number): string | null {
  let current: string | null = null;
  for (const p of pins) {
    if (p.offsetMs > offsetMs) break;
    current = p.productId;
  }
  return current;
}
