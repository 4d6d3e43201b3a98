"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button-styles";
import { useMe } from "@/components/shell/use-me";

/** The home page's intro band. Sellers get a shortcut to their studio (known from /api/me on the cached page). */
export function HomeHero(props: { signedIn: boolean; canSell: boolean }) {
  const t = useTranslations("home");
  const me = useMe();
  const signedIn = me ? me.user !== null : props.signedIn;
  const canSell = me ? me.user?.role === "SELLER" || me.user?.role === "ADMIN" : props.canSell;
  return (
    <div className="dark-surface relative overflow-hidden rounded-3xl bg-zinc-950 px-6 py-10 text-white sm:px-10 sm:py-12">
      <div
        aria-hidden="true"
        className="bg-brand-600/40 absolute -top-24 -right-16 size-72 rounded-full blur-3xl"
      />
      <div
        aria-hidden="true"
        className="bg-live/30 absolute -bottom-28 left-1/3 size-72 rounded-full blur-3xl"
      />
      <div className="relative max-w-2xl">
        <p className="inline-flex items-center gap-2 rounded-full bg-white/10 px-3 py-1 text-xs font-bold tracking-widest uppercase">
          <span aria-hidden="true" className="bg-live size-2 animate-pulse rounded-full" />
          {t("eyebrow")}
        </p>
        <h1 className="mt-4 text-3xl font-black tracking-tight sm:text-5xl">{t("title")}</h1>
        <p className="mt-3 text-base text-zinc-300 sm:text-lg">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {canSell ? (
            <Link href="/studio" className={buttonStyles({ variant: "live", size: "lg" })}>
              {t("openStudio")}
            </Link>
          ) : (
            !signedIn && (
              <Link href="/signup" className={buttonStyles({ variant: "live", size: "lg" })}>
                {t("join")}
              </Link>
            )
          )}
        </div>
      </div>
    </div>
  );
}
