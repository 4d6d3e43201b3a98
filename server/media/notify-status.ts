import { createLogger } from "@/server/log";

const log = createLogger("media");

export type TRoomStatusChange = { roomId: string; status: "LIVE" | "ENDED"; hlsUrl: string | null; at: Date };

type TListener = (change: TRoomStatusChange) => void | Promise<void>;
const store = globalThis as { onairMediaStatusListeners?: TListener[] };
const listeners: TListener[] = (store.onairMediaStatusListeners ??= []);

/**
 * The one place a show's LIVE/ENDED change leaves the media tier. The chat tier's control client hooks in
 * with `onRoomStatusChange` to broadcast `room:state`; players also poll `GET /api/rooms/:id` as a fallback.
 */
export function notifyRoomStatus(change: TRoomStatusChange): void {
  log.info({ roomId: change.roomId, status: change.status, hlsUrl: change.hlsUrl }, "show status changed");
  for (const listener of listeners) {
    Promise.resolve(listener(change)).catch((err: unknown) => log.error({ err, roomId: change.roomId }, "status listener failed"));
  }
}

/** Registers a listener (kept on globalThis: Next.js route handlers and the web server share it). */
export function onRoomStatusChange(listener: TListener): void {
  listeners.push(listener);
}
