import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { db } from "@/server/db";

export type TAdminUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  disabled: boolean;
};

/** Accounts for the admin dashboard, newest first; `q` matches name or email. */
export async function listUsers(
  opts: { q?: string; role?: Role; take?: number } = {},
): Promise<TAdminUserRow[]> {
  const q = opts.q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } : {}),
    ...(opts.role ? { role: opts.role } : {}),
  };
  const rows = await db.user.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.take ?? 500, 500),
    select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true },
  });
  return rows.map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }));
}
