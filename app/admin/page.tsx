import { getOverview } from "@/server/admin/get-overview";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { AdminFrame, adminMetadata } from "@/components/admin/admin-frame";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin");
}

export default async function AdminPage() {
  const user = await requirePageUser("/admin", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  return (
    <AdminFrame current="overview">
      <AdminDashboard initial={await getOverview()} />
    </AdminFrame>
  );
}
