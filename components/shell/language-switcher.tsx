"use client";
import { useId, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, locales, type TLocale } from "@/lib/i18n/config";

const names: Record<TLocale, string> = { en: "English", ko: "한국어" };

/** Keeps the language choice in the NEXT_LOCALE cookie and re-renders the page in it. */
export function LanguageSwitcher() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = useId();

  function choose(next: string) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <div className="relative flex items-center">
      <label htmlFor={id} className="sr-only">
        {t("language")}
      </label>
      <span aria-hidden="true" className="pointer-events-none absolute left-2.5 z-10 text-zinc-600">
        <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2.2 2.3 2.2 12.7 0 15M10 2.5c-2.2 2.3-2.2 12.7 0 15" />
        </svg>
      </span>
      <select
        id={id}
        value={locale}
        disabled={pending}
        aria-busy={pending}
        onChange={(e) => choose(e.target.value)}
        className="h-9 cursor-pointer appearance-none rounded-lg border border-zinc-300 bg-white py-0 pr-3 pl-8 text-sm font-medium text-zinc-800 hover:bg-zinc-50"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
