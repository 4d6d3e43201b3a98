import type { Metadata } from "next";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AdminNav, type TAdminSection } from "@/components/admin/admin-nav";
import { PageHeading } from "@/components/studio/page-heading";

/** The admin pages' tab title; kept out of search engines, as nothing behind the admin guard is public. */
export async function adminMetadata(
  namespace: "admin" | "admin.usersPage" | "admin.audit" | "admin.console",
): Promise<Metadata> {
  return { title: (await getTranslations(namespace))("title"), robots: { index: false } };
}

/** An admin section page: the admin heading, the section tabs with `current` marked, then its content. */
export function AdminFrame({ current, children }: { current: TAdminSection; children: ReactNode }) {
  const t = useTranslations("admin");
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <AdminNav current={current} />
      {children}
    </div>
  );
}
