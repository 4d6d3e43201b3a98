import { db } from "@/server/db";

/** Users for the admin, newest first; `q` matches name or email. */
export async function listUsers(q = "", take = 200) {
  const where = q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {};
  const users = await db.user.findMany({ where, orderBy: { createdAt: "desc" }, take });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  }));
}
