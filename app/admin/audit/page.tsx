import { getTranslations } from "next-intl/server";
import { auditActions, listAudit } from "@/server/admin/list-audit";
import { auditFilterOptions } from "@/server/admin/get-console-room";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminFrame, adminMetadata } from "@/components/admin/admin-frame";
import { AdminSection } from "@/components/admin/admin-section";
import { AuditLog } from "@/components/admin/audit-log";

export const dynamic = "force-dynamic";

export function generateMetadata() {
  return adminMetadata("admin.audit");
}

export default async function AdminAuditPage() {
  const user = await requirePageUser("/admin/audit", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, page, actions, options] = await Promise.all([
    getTranslations("admin.audit"),
    listAudit({ take: 50 }),
    auditActions(),
    auditFilterOptions(),
  ]);
  return (
    <AdminFrame current="audit">
      <AdminSection id="admin-audit" heading={t("title")}>
        <AuditLog initial={page} options={{ actions, ...options }} />
      </AdminSection>
    </AdminFrame>
  );
}
