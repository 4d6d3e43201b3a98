import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/server/auth/sessions";
import { AccountMenu } from "@/components/shell/account-menu";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Logo } from "@/components/shell/logo";
import { MainNav, type TNavItem } from "@/components/shell/main-nav";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { buttonStyles } from "@/components/ui/button-styles";

/** The site header: logo, role-aware navigation, language, and the account menu or Sign in. */
export async function SiteHeader({ user }: { user: TSessionUser | null }) {
  const t = await getTranslations("shell");
  const items: TNavItem[] = [{ href: "/", label: t("nav.home") }];
  if (user && (user.role === "SELLER" || user.role === "ADMIN"))
    items.push({ href: "/studio", label: t("nav.studio") });
  if (user?.role === "ADMIN") items.push({ href: "/admin", label: t("nav.admin") });

  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Logo label={t("homeLabel")} />
        <div className="hidden sm:block">
          <MainNav items={items} label={t("nav.label")} />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitcher />
          {user && <NotificationBell />}
          {user ? (
            <AccountMenu name={user.name} email={user.email} roleLabel={t(`roles.${user.role}`)} />
          ) : (
            <>
              <span className="hidden sm:contents">
                <Link href="/signup" className={buttonStyles({ variant: "ghost", size: "sm" })}>
                  {t("signUp")}
                </Link>
              </span>
              <Link href="/login" className={buttonStyles({ variant: "primary", size: "sm" })}>
                {t("signIn")}
              </Link>
            </>
          )}
        </div>
      </div>
      {items.length > 1 && (
        <div className="border-t border-zinc-100 px-2 py-1 sm:hidden">
          <MainNav items={items} label={t("nav.labelMobile")} />
        </div>
      )}
    </header>
  );
}
