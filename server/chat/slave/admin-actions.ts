import type { TSlaveContext } from "@/server/chat/slave/context";

/** Sockets disconnected per batch while draining, so the other slaves are not hit by every client at once. */
const DRAIN_BATCH = 100;
const DRAIN_BATCH_GAP_MS = 50;

/**
 * Admin drain: refuse new clients (`DRAINING` at the handshake) and end the current ones. A client sees a
 * server-side disconnect, asks the web tier for a node excluding this one, joins there with `sinceId` and
 * backfills whatever was said meanwhile (every acknowledged message is in the DB). `false` takes clients again.
 */
export function setDraining(ctx: TSlaveContext, draining: boolean): void {
  ctx.draining = draining;
  ctx.master.nudge();
  if (!draining) return;
  const sockets = [...ctx.io.of("/").sockets.values()];
  ctx.log.info({ clients: sockets.length }, "draining: moving clients to other slaves");
  const next = (from: number): void => {
    // A resume in the meantime stops the move.
    if (!ctx.draining) return;
    for (const socket of sockets.slice(from, from + DRAIN_BATCH)) socket.disconnect(true);
    if (from + DRAIN_BATCH < sockets.length) setTimeout(() => next(from + DRAIN_BATCH), DRAIN_BATCH_GAP_MS);
  };
  next(0);
}

/** Ends every socket of a user on this slave (account disabled, role changed), or of one session (sign-out). */
export function disconnectUser(
  ctx: TSlaveContext,
  userId: string,
  reason: string,
  sessionId?: string,
): number {
  let ended = 0;
  for (const socket of ctx.io.of("/").sockets.values()) {
    if (socket.data.user?.id !== userId) continue;
    if (sessionId && socket.data.sessionId !== sessionId) continue;
    socket.disconnect(true);
    ended += 1;
  }
  if (ended > 0) ctx.log.info({ userId, reason, sockets: ended }, "ended a user's sockets");
  return ended;
}
