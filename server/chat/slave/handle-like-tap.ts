import { ZLikeTap } from "@/lib/chat/engage-protocol";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";
import { engagement } from "@/server/chat/slave/engagement";

/**
 * `like:tap { roomId, count }` (no ack): counted, never delivered one by one. The slave adds taps per room and reports the
 * sum to the master every 250 ms; the master adds every slave's sums and sends each slave the room's total
 * at most twice a second. So 10,000 viewers tapping cost each viewer ≤ 2 small frames a second, less
 * than one chat message each would. Bad payloads, rooms not joined and taps over the per-user rate are dropped.
 */
export async function handleLikeTap(
  ctx: TSlaveContext,
  socket: TClientSocket,
  payload: unknown,
): Promise<void> {
  const parsed = ZLikeTap.safeParse(payload);
  if (!parsed.success) return;
  const { roomId, count } = parsed.data;
  if (!socket.rooms.has(roomChannel(roomId))) return;
  const state = engagement(ctx);
  // Guests tap too (hearts are how a first-time viewer joins in): they are limited per connection.
  // A batch of taps (lib/chat/like-batcher.ts) counts one token per tap: as many as the budget allows.
  const key = socket.data.user?.id ?? `socket:${socket.id}`;
  let allowed = 0;
  while (allowed < count && state.likeLimiter.take(key).ok) allowed++;
  if (allowed === 0) return;
  state.pendingLikes.set(roomId, (state.pendingLikes.get(roomId) ?? 0) + allowed);
  return Promise.resolve();
}
