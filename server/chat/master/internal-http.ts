import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ZMessageId, ZRoomId } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { INTERNAL_HEADER, secretMatches } from "@/server/chat/internal-auth";
import { requestTarget } from "@/server/http/request-target";
import { messageSelect, toMessage } from "@/server/chat/message-row";
import type { TMasterContext } from "@/server/chat/master/context";
import { pickNode } from "@/server/chat/master/assign";
import { loadOf } from "@/server/chat/master/registry";
import { pushRoom } from "@/server/chat/master/push-room";
import { emitToRoomSlaves, relayChat } from "@/server/chat/master/relay-chat";
import { listSlaves, routeAdmin } from "@/server/chat/master/admin-http";
import { serveMetrics } from "@/server/metrics/registry";
import { standbyReply } from "@/server/chat/master/standby";
import { emitRoomChanged, subscribeWebEvents } from "@/server/chat/master/web-events";
import { broadcastRoomEvent } from "@/server/chat/master/engagement";
import { ZAuctionUpdate } from "@/lib/auctions/auction-schemas";
import { ZGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";
import type { TRoomEvent } from "@/lib/chat/room-events";

const MAX_BODY = 64 * 1024;

const ZBroadcast = z.discriminatedUnion("event", [
  z.object({
    event: z.literal("product:update"),
    data: z.looseObject({ productId: z.string().min(1), stock: z.number(), price: z.number() }),
  }),
  /** Status, pin or any setting changed in the DB: re-read and push room:state. */
  z.object({ event: z.literal("room:refresh") }),
  /** An auction started or was cancelled (server/auctions/notify-auction.ts). */
  z.object({ event: z.literal("auction:update"), data: ZAuctionUpdate }),
  /** A giveaway started, was drawn or cancelled (server/giveaways/notify-giveaway.ts). */
  z.object({ event: z.literal("giveaway:update"), data: ZGiveawayUpdate }),
]);

type TReply = { status: number; body: unknown };
const ok = (body: unknown): TReply => ({ status: 200, body });
const fail = (status: number, code: string, message: string): TReply => ({
  status,
  body: { error: { code, message } },
});

/** A request body the master refuses: answered with its own 4xx, never the 500 of a failure. */
class BodyError extends Error {
  constructor(readonly reply: TReply) {
    super(reply.status === 413 ? "body too large" : "malformed JSON");
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyError(fail(413, "TOO_LARGE", "The request body is over 64 KB."));
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    throw new BodyError(fail(400, "INVALID", "The request body is not valid JSON."));
  }
}

/** Live slaves as the web tier lists them (`GET /api/chat/nodes`). */
export function listNodes(ctx: TMasterContext) {
  return listSlaves(ctx, () => ({}));
}

async function route(ctx: TMasterContext, req: IncomingMessage, url: URL): Promise<TReply> {
  const method = req.method ?? "GET";
  if (method === "GET" && url.pathname === "/internal/nodes") return ok(listNodes(ctx));
  const admin = routeAdmin(ctx, method, url, () => readJson(req));
  if (admin) return admin;
  const m = /^\/internal\/rooms\/([^/]+)\/([a-z-]+)$/.exec(url.pathname);
  const roomId = ZRoomId.safeParse(decodeURIComponent(m?.[1] ?? ""));
  if (!m || !roomId.success) return fail(404, "NOT_FOUND", "No such endpoint.");
  const action = `${method} ${m[2]}`;

  if (action === "GET assign") {
    const exclude = new Set((url.searchParams.get("exclude") ?? "").split(",").filter(Boolean));
    const slaves = ctx.registry.all().map((s) => ({
      nodeId: s.nodeId,
      url: s.status.url,
      draining: s.status.draining,
      connections: loadOf(s),
    }));
    const chosen = pickNode(slaves, exclude);
    if (!chosen) return fail(503, "NO_NODE", "No chat node is available.");
    const entry = ctx.registry.get(chosen.nodeId);
    entry?.assignedAt.push(Date.now());
    return ok({ nodeId: chosen.nodeId, url: chosen.url });
  }
  if (action === "POST refresh") {
    const room = await ctx.rooms.reload(roomId.data);
    if (!room) return fail(404, "NOT_FOUND", "This show does not exist.");
    pushRoom(ctx, room, true);
    emitRoomChanged(ctx, roomId.data);
    return ok({ ok: true, separated: room.separated, slaves: room.presence.size });
  }
  const room = await ctx.rooms.ensure(roomId.data);
  if (!room) return fail(404, "NOT_FOUND", "This show does not exist.");
  const body = await readJson(req);

  if (action === "POST messages") {
    const parsed = z.object({ id: ZMessageId }).safeParse(body);
    if (!parsed.success) return fail(400, "INVALID", "Expected { id }.");
    const row = await db.chatMessage.findFirst({
      where: { id: parsed.data.id, roomId: roomId.data },
      select: messageSelect,
    });
    if (!row) return fail(404, "NOT_FOUND", "No such message.");
    return ok({ ok: true, slaves: relayChat(ctx, room, toMessage(row), null) });
  }
  if (action === "POST deleted") {
    const parsed = z.object({ ids: z.array(ZMessageId).min(1).max(1000) }).safeParse(body);
    if (!parsed.success) return fail(400, "INVALID", "Expected { ids }.");
    const ids = parsed.data.ids.map(String);
    return ok({
      ok: true,
      slaves: emitToRoomSlaves(ctx, room, { type: "deleted", roomId: roomId.data, ids }),
    });
  }
  if (action === "POST broadcast") {
    const parsed = ZBroadcast.safeParse(body);
    if (!parsed.success)
      return fail(
        400,
        "INVALID",
        "Expected { event: 'product:update' | 'auction:update' | 'giveaway:update', data } or { event: 'room:refresh' }.",
      );
    if (parsed.data.event === "room:refresh") {
      emitRoomChanged(ctx, roomId.data);
      await ctx.rooms.reload(roomId.data);
      pushRoom(ctx, room, true);
      return ok({ ok: true, slaves: room.presence.size });
    }
    if (parsed.data.event === "auction:update" || parsed.data.event === "giveaway:update") {
      const what = parsed.data.event === "auction:update" ? "auction" : "giveaway";
      if (parsed.data.data.roomId !== roomId.data)
        return fail(400, "INVALID", `The ${what} is not this room's.`);
      // Loose schemas: the master checks the room and passes the update on as the web tier sent it.
      const event = parsed.data as unknown as TRoomEvent;
      return ok({ ok: true, slaves: broadcastRoomEvent(ctx, roomId.data, event) });
    }
    // The room JSON carries stock and prices, not auctions: only these changes drop the web tier's cached copy.
    emitRoomChanged(ctx, roomId.data);
    const update = { ...parsed.data.data, roomId: roomId.data };
    return ok({ ok: true, slaves: emitToRoomSlaves(ctx, room, { type: "product", update }) });
  }
  return fail(404, "NOT_FOUND", "No such endpoint.");
}

/** The master's HTTP side: `/health` for everyone, `/internal/*` for holders of INTERNAL_SECRET. */
export function createHttpHandler(ctx: TMasterContext, secret: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const send = ({ status, body }: TReply) => {
      if (res.headersSent) return;
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    const url = requestTarget(req.url, "http://master.local");
    if (!url) return send(fail(400, "INVALID", "The request target is not a valid URL."));
    if (url.pathname === "/health") {
      const slaves = listNodes(ctx);
      const { active, backend, holder } = ctx.role;
      return send(
        ok({
          ok: true,
          role: "master",
          nodeId: "master",
          active,
          lease: { backend, holder },
          connections: slaves.length,
          slaves,
          rooms: ctx.rooms.all().length,
        }),
      );
    }
    if (url.pathname === "/metrics") return serveMetrics(res);
    if (!url.pathname.startsWith("/internal/")) return send(fail(404, "NOT_FOUND", "Not found."));
    if (!secretMatches(req.headers[INTERNAL_HEADER], secret))
      return send(fail(401, "UNAUTHENTICATED", "Internal endpoint."));
    if (!ctx.role.active) return send(standbyReply());
    if (req.method === "GET" && url.pathname === "/internal/events") return subscribeWebEvents(ctx, req, res);
    route(ctx, req, url).then(send, (err: unknown) => {
      if (err instanceof BodyError) return send(err.reply);
      // A malformed percent-escape in a path parameter (decodeURIComponent): the caller's mistake.
      if (err instanceof URIError)
        return send(fail(400, "INVALID", "The path holds a malformed percent-escape."));
      ctx.log.error({ err, path: url.pathname }, "internal request failed");
      send(fail(500, "INTERNAL", "Internal error."));
    });
  };
}
