/** A user as every tier knows them: the role read from the database at this request or this handshake. */
type TRoleHolder = { id: string; role: "ADMIN" | "SELLER" | "SHOPPER" } | null | undefined;

/**
 * The one rule for "may run this show / this product": any ADMIN, or its seller while their role is still
 * SELLER. A seller demoted to SHOPPER keeps `sellerId` on their shows and products but none of the powers
 * (products, notices, deals, chat settings, sales, moderation, ingest, the host badge).
 */
export function isSellerOrAdmin(user: TRoleHolder, sellerId: string | null | undefined): boolean {
  if (!user) return false;
  return user.role === "ADMIN" || (user.role === "SELLER" && !!sellerId && user.id === sellerId);
}
