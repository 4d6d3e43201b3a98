import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listStudioShows } from "@/server/rooms/list-studio-shows";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeading } from "@/components/studio/page-heading";
import { StudioShowTable } from "@/components/studio/studio-show-table";
import { buttonStyles } from "@/components/ui/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("studio"))("title") };
}

export default async function StudioPage() {
  const user = await requirePageUser("/studio", ["SELLER", "ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, tc, shows] = await Promise.all([
    getTranslations("studio"),
    getTranslations("commerce.catalog"),
    listStudioShows(user),
  ]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading
        title={t("title")}
        lead={user.role === "ADMIN" ? t("leadAdmin") : t("lead")}
        actions={
          <>
            <Link href="/studio/products" className={buttonStyles({ variant: "secondary" })}>
              {tc("title")}
            </Link>
            <Link href="/studio/new" className={buttonStyles()}>
              <span aria-hidden="true">＋</span> {t("newShow")}
            </Link>
          </>
        }
      />
      <StudioShowTable shows={shows} showSeller={user.role === "ADMIN"} />
    </div>
  );
}
