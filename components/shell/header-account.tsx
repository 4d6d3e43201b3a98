"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TMeUser } from "@/lib/session/me.types";
import { AccountMenu } from "@/components/shell/account-menu";
import { MainNav, type TNavItem } from "@/components/shell/main-nav";
import dynamic from "next/dynamic";
import { buttonStyles } from "@/components/ui/button-styles";
import { cx } from "@/components/ui/cx";
import { useMe, useMeUser } from "@/components/shell/use-me";

// Loaded only once someone is signed in: guests on the cached pages do not download the bell (nor the
// reminder schemas it imports, whose zod probe the CSP refuses).
const NotificationBell = dynamic(() =>
  import("@/components/notifications/notification-bell").then((m) => m.NotificationBell),
);

function useNavItems(serverUser: TMeUser | null): TNavItem[] {
  const t = useTranslations("shell");
  const user = useMeUser(serverUser);
  const items: TNavItem[] = [{ href: "/", label: t("nav.home") }];
  if (user && (user.role === "SELLER" || user.role === "ADMIN"))
    items.push({ href: "/studio", label: t("nav.studio") });
  if (user?.role === "ADMIN") items.push({ href: "/admin", label: t("nav.admin") });
  return items;
}

/** The role-aware navigation: on a cached page (rendered for a guest) the studio and admin links come from /api/me. */
export function HeaderNav({ serverUser, mobile }: { serverUser: TMeUser | null; mobile?: boolean }) {
  const t = useTranslations("shell");
  const items = useNavItems(serverUser);
  if (!mobile) return <MainNav items={items} label={t("nav.label")} />;
  if (items.length < 2) return null;
  return (
    <div className="border-t border-zinc-100 px-2 py-1 sm:hidden">
      <MainNav items={items} label={t("nav.labelMobile")} />
    </div>
  );
}

/**
 * The account menu and bell, or Sign in / Sign up. A cached page does not know who is looking: until
 * /api/me answers, the guest links take their place unseen, so a signed-in shopper never sees them flash.
 */
export function HeaderAccount({ serverUser }: { serverUser: TMeUser | null }) {
  const t = useTranslations("shell");
  const known = useMe() !== null || serverUser !== null;
  const user = useMeUser(serverUser);
  if (user) {
    return (
      <>
        <NotificationBell />
        <AccountMenu name={user.name} email={user.email} roleLabel={t(`roles.${user.role}`)} />
      </>
    );
  }
  return (
    <span className={cx("contents", !known && "[&>*]:invisible")}>
      <span className="hidden sm:contents">
        <Link href="/signup" className={buttonStyles({ variant: "ghost", size: "sm" })}>
          {t("signUp")}
        </Link>
      </span>
      <Link href="/login" className={buttonStyles({ variant: "primary", size: "sm" })}>
        {t("signIn")}
      </Link>
    </span>
  );
}
