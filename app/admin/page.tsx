import { getOverview } from "@/server/admin/get-overview";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { adminMetadata } from "@/components/admin/admin-frame";
import { adminSectionPage } from "@/app/admin/_lib/admin-section-page";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin");
}

export default adminSectionPage("overview", "/admin", async () => (
  <AdminDashboard initial={await getOverview()} />
));
