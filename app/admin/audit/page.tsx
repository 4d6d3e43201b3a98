import { getTranslations } from "next-intl/server";
import { auditActions, listAudit } from "@/server/admin/list-audit";
import { auditFilterOptions } from "@/server/admin/get-console-room";
import { adminMetadata } from "@/components/admin/admin-frame";
import { AdminSection } from "@/components/admin/admin-section";
import { AuditLog } from "@/components/admin/audit-log";
import { adminSectionPage } from "@/app/admin/_lib/admin-section-page";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin.audit");
}

export default adminSectionPage("audit", "/admin/audit", async () => {
  const [t, page, actions, options] = await Promise.all([
    getTranslations("admin.audit"),
    listAudit({ take: 50 }),
    auditActions(),
    auditFilterOptions(),
  ]);
  return (
    <AdminSection id="admin-audit" heading={t("title")}>
      <AuditLog initial={page} options={{ actions, ...options }} />
    </AdminSection>
  );
});
