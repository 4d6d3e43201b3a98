import { listUsers } from "@/server/admin/list-users";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminFrame, adminMetadata } from "@/components/admin/admin-frame";
import { UsersAdmin } from "@/components/admin/users-admin";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin.usersPage");
}

export default async function AdminUsersPage() {
  const user = await requirePageUser("/admin/users", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const users = await listUsers();
  return (
    <AdminFrame current="users">
      <UsersAdmin
        initial={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))}
        meId={user.id}
      />
    </AdminFrame>
  );
}
