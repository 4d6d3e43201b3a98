import type { IncomingMessage, ServerResponse } from "node:http";
import type { TMasterContext } from "@/server/chat/master/context";

/**
 * The master's fan-out of room changes to web processes: `GET /internal/events` is a Server-Sent Events
 * stream of `{ roomId }` lines, one per `refresh` or `broadcast` a web or media process pushed. Each web
 * process drops its cached room JSON and page shell for that room (server/rooms/room-events-link.ts), so a
 * show that ends is seen ending by every web process within one hop, not one TTL.
 */
const HEARTBEAT_MS = 10_000;
/** Far more web processes than any deployment runs; beyond it a stream is refused (503). */
const MAX_SUBSCRIBERS = 256;

type TWebEvents = { subscribers: Set<ServerResponse>; timer: NodeJS.Timeout | null };
const byContext = new WeakMap<TMasterContext, TWebEvents>();

function eventsOf(ctx: TMasterContext): TWebEvents {
  let events = byContext.get(ctx);
  if (!events) {
    events = { subscribers: new Set(), timer: null };
    byContext.set(ctx, events);
  }
  return events;
}

function startHeartbeat(ctx: TMasterContext, events: TWebEvents): void {
  if (events.timer) return;
  events.timer = setInterval(() => {
    for (const res of events.subscribers) {
      // A master that lost its lease ends the streams: web processes reconnect to the active one.
      if (!ctx.role.active) res.end();
      else res.write(": ping\n\n");
    }
    if (events.subscribers.size === 0 && events.timer) {
      clearInterval(events.timer);
      events.timer = null;
    }
  }, HEARTBEAT_MS);
  events.timer.unref();
}

/** Opens one web process's stream (the caller checked INTERNAL_SECRET and that this master is active). */
export function subscribeWebEvents(ctx: TMasterContext, req: IncomingMessage, res: ServerResponse): void {
  const events = eventsOf(ctx);
  if (events.subscribers.size >= MAX_SUBSCRIBERS) {
    res.writeHead(503, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "TOO_MANY", message: "Too many web event streams." } }));
    return;
  }
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write(": connected\n\n");
  events.subscribers.add(res);
  const drop = () => events.subscribers.delete(res);
  req.on("close", drop);
  res.on("close", drop);
  startHeartbeat(ctx, events);
}

/** Tells every web process that this room changed. */
export function emitRoomChanged(ctx: TMasterContext, roomId: string): void {
  const line = `data: ${JSON.stringify({ roomId })}\n\n`;
  for (const res of eventsOf(ctx).subscribers) res.write(line);
}
