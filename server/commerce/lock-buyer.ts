import type { Prisma } from "@prisma/client";

/**
 * Serializes one buyer's checkouts inside a transaction, on both databases, with one portable statement:
 * PostgreSQL row-locks the buyer until commit, so two concurrent orders by the same buyer cannot both
 * pass the per-buyer limit check; SQLite takes its single write lock right away (a transaction that
 * starts with a write waits on the busy timeout instead of failing on a stale read snapshot).
 * The value is written back unchanged, so nothing observable changes.
 */
export async function lockBuyer(tx: Prisma.TransactionClient, buyerId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "updatedAt" = "updatedAt" WHERE "id" = ${buyerId}`;
}
