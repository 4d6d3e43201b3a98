import "server-only";
import { cookies, headers } from "next/headers";
import type { Role } from "@prisma/client";
import { db } from "@/server/db";
import { forbidden, notFound, unauthorized } from "@/server/http/errors";
import { userFromToken, type TSessionUser } from "@/server/auth/sessions";
import { isSellerOrAdmin } from "@/server/auth/room-staff";
import { SESSION_COOKIE } from "@/server/auth/session-token";

/** The bearer token of this request: `Authorization: Bearer` first, then the session cookie. */
export async function requestToken(): Promise<string | null> {
  const auth = (await headers()).get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || null;
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

/** The signed-in user of this request or page, or null. */
export async function currentUser(): Promise<TSessionUser | null> {
  return userFromToken(await requestToken());
}

/** The signed-in user, or a 401. With roles, a 403 for anyone else. */
export async function requireUser(...roles: Role[]): Promise<TSessionUser> {
  const user = await currentUser();
  if (!user) throw unauthorized();
  if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
  return user;
}

/** The room's seller or an ADMIN may moderate and run the show; anyone else gets 401/403. */
export async function requireRoomStaff(
  roomId: string,
): Promise<{ user: TSessionUser; room: { id: string; sellerId: string; slug: string } }> {
  const user = await requireUser();
  const room = await db.room.findUnique({
    where: { id: roomId },
    select: { id: true, sellerId: true, slug: true },
  });
  if (!room) throw notFound("This show does not exist.");
  if (!isSellerOrAdmin(user, room.sellerId)) throw forbidden();
  return { user, room };
}
