import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { auditActions, listAudit } from "@/server/admin/list-audit";
import { auditFilterOptions } from "@/server/admin/get-console-room";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminNav } from "@/components/admin/admin-nav";
import { AuditLog } from "@/components/admin/audit-log";
import { PageHeading } from "@/components/studio/page-heading";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title"), robots: { index: false } };
}

export default async function AdminAuditPage() {
  const user = await requirePageUser("/admin/audit", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, page, actions, options] = await Promise.all([
    getTranslations("admin"),
    listAudit({ take: 50 }),
    auditActions(),
    auditFilterOptions(),
  ]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <AdminNav current="audit" />
      <section aria-labelledby="admin-audit">
        <h2 id="admin-audit" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
          {t("audit.title")}
        </h2>
        <AuditLog initial={page} options={{ actions, ...options }} />
      </section>
    </div>
  );
}
