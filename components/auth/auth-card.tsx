import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

/** The centred card that holds the sign-in or sign-up form, under its title and lead. */
export function AuthCard({
  kind,
  children,
  aside,
}: {
  kind: "signIn" | "signUp";
  children: ReactNode;
  aside?: ReactNode;
}) {
  const t = useTranslations("auth");
  return (
    <div
      className={cx(
        "mx-auto grid gap-8 px-4 py-10 sm:py-16 lg:items-start",
        aside ? "max-w-5xl lg:grid-cols-[1fr_380px]" : "max-w-md",
      )}
    >
      <div className="mx-auto w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 lg:mx-0 lg:max-w-none">
        <h1 className="text-2xl font-black tracking-tight text-zinc-950">{t(`${kind}Title`)}</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">{t(`${kind}Lead`)}</p>
        {children}
      </div>
      {aside}
    </div>
  );
}
