import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listUsers } from "@/server/admin/list-users";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { AdminNav } from "@/components/admin/admin-nav";
import { UsersAdmin } from "@/components/admin/users-admin";
import { PageHeading } from "@/components/studio/page-heading";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.usersPage"))("title"), robots: { index: false } };
}

export default async function AdminUsersPage() {
  const user = await requirePageUser("/admin/users", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, users] = await Promise.all([getTranslations("admin"), listUsers()]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <AdminNav current="users" />
      <UsersAdmin
        initial={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))}
        meId={user.id}
      />
    </div>
  );
}
