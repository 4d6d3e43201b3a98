import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations("shell.footer");
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-bold text-zinc-900">OnAir</span> · {t("tagline")}
        </p>
        <p>{t("license")}</p>
      </div>
    </footer>
  );
}
