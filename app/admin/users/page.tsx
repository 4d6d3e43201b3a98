import { listUsers } from "@/server/admin/list-users";
import { adminMetadata } from "@/components/admin/admin-frame";
import { UsersAdmin } from "@/components/admin/users-admin";
import { adminSectionPage } from "@/app/admin/_lib/admin-section-page";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin.usersPage");
}

export default adminSectionPage("users", "/admin/users", async (admin) => (
  <UsersAdmin
    initial={(await listUsers()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))}
    meId={admin.id}
  />
));
