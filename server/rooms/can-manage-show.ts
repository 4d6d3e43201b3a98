import type { TSessionUser } from "@/server/auth/sessions";

/** The show's own seller and any ADMIN run a show; nobody else. */
export function canManageShow(user: Pick<TSessionUser, "id" | "role">, show: { sellerId: string }): boolean {
  return user.role === "ADMIN" || (user.role === "SELLER" && show.sellerId === user.id);
}
