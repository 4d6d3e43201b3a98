import "server-only";
import type { Role } from "@prisma/client";
import { db } from "@/server/db";

export type TAdminUserRow = { id: string; name: string; email: string; role: Role; createdAt: Date; disabled: boolean };

/** Every account for the admin dashboard, newest first. */
export async function listUsers(): Promise<TAdminUserRow[]> {
  const rows = await db.user.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true },
  });
  return rows.map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }));
}
