import { fetchHistory } from "@/server/chat/history";
import { loadRoomConfig } from "@/server/chat/room-config";
import type { Logger } from "@/server/log";

/** No room has this id (cuids are lowercase letters and digits): the reads find nothing and change nothing. */
const NO_ROOM = "warm-up:no-such-room";

/** Long enough for the compile on a loaded 2-core machine; a node that waits longer listens anyway. */
const WARM_UP_LIMIT_MS = 5000;

/**
 * Runs the chat tier's join-time reads once, before the node takes connections. Prisma 6's client engine
 * compiles every query in a WebAssembly module on this thread, and the first queries of a process also
 * compile that module (V8 tiers it up as it runs): in the join profile the first joins of a freshly started
 * slave spent 1.2 s of CPU there, about a quarter of the tier's cost of joining 1,000 viewers, and the first
 * viewers waited for it. After a slave restart every viewer of it reconnects at once: they now meet a warm node.
 */
export async function warmUpChatQueries(log: Logger): Promise<void> {
  const started = performance.now();
  const reads = Promise.all([
    loadRoomConfig(NO_ROOM),
    fetchHistory({
      roomId: NO_ROOM,
      sellerId: NO_ROOM,
      sinceId: null,
      nodeId: "",
      separated: false,
      staff: false,
    }),
    fetchHistory({
      roomId: NO_ROOM,
      sellerId: NO_ROOM,
      sinceId: null,
      nodeId: "",
      separated: true,
      staff: false,
    }),
    fetchHistory({
      roomId: NO_ROOM,
      sellerId: NO_ROOM,
      sinceId: 0,
      nodeId: "",
      separated: false,
      staff: false,
    }),
  ]);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<"late">(
    (resolve) => (timer = setTimeout(() => resolve("late"), WARM_UP_LIMIT_MS)),
  );
  try {
    const outcome = await Promise.race([reads.then(() => "done" as const), limit]);
    log.debug({ ms: Math.round(performance.now() - started), outcome }, "chat queries warmed up");
  } catch (err) {
    // A database that is not reachable yet is the health check's business, not a reason not to listen.
    log.warn({ err }, "chat query warm-up failed");
  } finally {
    clearTimeout(timer);
  }
}
