import type { TSessionUser } from "@/server/auth/sessions";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

/** The show's own seller and any ADMIN run a show; nobody else. */
export function canManageShow(user: Pick<TSessionUser, "id" | "role">, show: { sellerId: string }): boolean {
  return isSellerOrAdmin(user, show.sellerId);
}
