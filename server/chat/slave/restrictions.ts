import type { TRoomConfig } from "@/lib/chat/node-protocol";
import type { TRestriction } from "@/lib/chat/protocol";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";

/** A user's active mute and ban in a room. */
export function restrictionOf(config: TRoomConfig, userId: string, now = Date.now()): TRestriction {
  const active = (type: "MUTE" | "BAN") => {
    const s = config.sanctions.find(
      (x) => x.userId === userId && x.type === type && (x.until === null || Date.parse(x.until) > now),
    );
    return s ? { until: s.until } : null;
  };
  return { roomId: config.roomId, mute: active("MUTE"), ban: active("BAN") };
}

/** Tells a joining user about a sanction they already have, so the send box can say so before they type. */
export function sendOwnRestriction(socket: TClientSocket, config: TRoomConfig): void {
  const user = socket.data.user;
  if (!user) return;
  const r = restrictionOf(config, user.id);
  if (r.mute || r.ban) socket.emit("chat:restriction", r);
}

/** After new sanctions arrived: tells each local user whose mute/ban changed. */
export function notifyRestrictionChanges(
  ctx: TSlaveContext,
  before: TRoomConfig | null,
  after: TRoomConfig,
): void {
  if (!before) return;
  const key = (c: TRoomConfig, userId: string) => JSON.stringify(restrictionOf(c, userId));
  const users = new Set([...before.sanctions, ...after.sanctions].map((s) => s.userId));
  if (users.size === 0) return;
  const ids = ctx.io.sockets.adapter.rooms.get(roomChannel(after.roomId)) ?? new Set<string>();
  for (const id of ids) {
    const socket = ctx.io.sockets.sockets.get(id);
    const userId = socket?.data.user?.id;
    if (!socket || !userId || !users.has(userId)) continue;
    if (key(before, userId) !== key(after, userId))
      socket.emit("chat:restriction", restrictionOf(after, userId));
  }
}
