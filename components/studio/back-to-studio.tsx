import Link from "next/link";
import { useTranslations } from "next-intl";

/** The breadcrumb back to the studio's list of shows, above a show's console and the product catalogue. */
export function BackToStudio() {
  const t = useTranslations("console");
  return (
    <nav aria-label={t("breadcrumb")} className="mb-4 text-sm">
      <Link href="/studio" className="text-brand-700 font-semibold underline-offset-2 hover:underline">
        ← {t("backToStudio")}
      </Link>
    </nav>
  );
}
