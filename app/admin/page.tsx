import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getOverview } from "@/server/admin/get-overview";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageHeading } from "@/components/studio/page-heading";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title"), robots: { index: false } };
}

export default async function AdminPage() {
  const user = await requirePageUser("/admin", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, overview] = await Promise.all([getTranslations("admin"), getOverview()]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <AdminNav current="overview" />
      <AdminDashboard initial={overview} />
    </div>
  );
}
