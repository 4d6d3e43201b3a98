import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";
import { ChatUnavailableError, getChatStats } from "@/server/chat/control-client";
import type { TChatStats } from "@/server/chat/master/admin-http";
import { listMediaNodes, type TMediaNodeState } from "@/server/media/nodes/media-nodes";

/** A media node as the dashboard shows it (from its heartbeat row). */
export type TAdminMediaNode = {
  nodeId: string;
  url: string;
  state: TMediaNodeState;
  connections: number;
  liveShows: number;
  maxLiveShows: number;
  lastHeartbeat: string;
};

export type TAdminRoomLive = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  sellerId: string;
  sellerName: string;
  scheduledAt: string | null;
  productCount: number;
  viewers: number;
  groups: number;
  separation: string;
  separated: boolean;
  messagesPerSec: number;
  orders: number;
  /** Heart taps so far (the master saves totals every 2 s). */
  likes: number;
};

export type TAdminOverview = {
  at: string;
  summary: {
    liveShows: number;
    scheduledShows: number;
    viewers: number;
    messagesPerSec: number;
    ordersToday: number;
    /** Paid today, per currency, in minor units. */
    revenueToday: { currency: string; totalMinor: number }[];
  };
  rooms: TAdminRoomLive[];
  /** Null while the chat master is unreachable. */
  chat: TChatStats | null;
  media: TAdminMediaNode[];
};

const COUNTED_ORDER = { notIn: ["FAILED", "CANCELLED", "EXPIRED"] as ("FAILED" | "CANCELLED" | "EXPIRED")[] };

/** Start of today on the server's clock. */
function startOfToday(now = new Date()): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** Everything the admin overview shows, from the DB (shows, orders) and the chat master (viewers, rates, nodes). */
export async function getOverview(): Promise<TAdminOverview> {
  const today = startOfToday();
  const [rooms, ordersByRoom, ordersToday, revenue, chat, media] = await Promise.all([
    db.room.findMany({
      orderBy: { createdAt: "desc" },
      take: 500,
      include: { seller: { select: { name: true } }, _count: { select: { products: true } } },
    }),
    db.order.groupBy({
      by: ["roomId"],
      where: { roomId: { not: null }, status: COUNTED_ORDER },
      _count: { _all: true },
    }),
    db.order.count({ where: { createdAt: { gte: today }, status: COUNTED_ORDER } }),
    db.order.groupBy({
      by: ["currency"],
      where: { status: "PAID", paidAt: { gte: today } },
      _sum: { totalMinor: true },
    }),
    getChatStats().catch((err: unknown) => {
      if (err instanceof ChatUnavailableError) return null;
      throw err;
    }),
    listMediaNodes(),
  ]);
  const orders = new Map(ordersByRoom.map((o) => [o.roomId, o._count._all]));
  const live = new Map((chat?.rooms ?? []).map((r) => [r.roomId, r]));
  const rows: TAdminRoomLive[] = rooms.map((r) => {
    const c = live.get(r.id);
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      sellerId: r.sellerId,
      sellerName: r.seller.name,
      scheduledAt: r.scheduledAt?.toISOString() ?? null,
      productCount: r._count.products,
      viewers: c?.viewers ?? 0,
      groups: c?.groups ?? 0,
      separation: c?.separation ?? r.separation,
      separated: c?.separated ?? false,
      messagesPerSec: c?.messagesPerSec ?? 0,
      orders: orders.get(r.id) ?? 0,
      likes: r.likeCount,
    };
  });
  return {
    at: new Date().toISOString(),
    summary: {
      liveShows: rooms.filter((r) => r.status === "LIVE").length,
      scheduledShows: rooms.filter((r) => r.status === "SCHEDULED").length,
      viewers: rows.reduce((sum, r) => sum + r.viewers, 0),
      messagesPerSec: Math.round(rows.reduce((sum, r) => sum + r.messagesPerSec, 0) * 10) / 10,
      ordersToday,
      revenueToday: revenue.map((r) => ({ currency: r.currency, totalMinor: r._sum.totalMinor ?? 0 })),
    },
    rooms: rows,
    chat,
    media: media.map((n) => ({
      nodeId: n.id,
      url: n.url,
      state: n.state,
      connections: n.connections,
      liveShows: n.liveShows,
      maxLiveShows: n.maxLiveShows,
      lastHeartbeat: n.heartbeatAt.toISOString(),
    })),
  };
}
