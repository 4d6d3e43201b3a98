import { getTranslations } from "next-intl/server";
import type { TMeUser } from "@/lib/session/me.types";
import { HeaderAccount, HeaderNav } from "@/components/shell/header-account";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Logo } from "@/components/shell/logo";

/** The site header: logo, role-aware navigation, language, and the account menu or Sign in. */
export async function SiteHeader({ user }: { user: TMeUser | null }) {
  const t = await getTranslations("shell");
  const serverUser = user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Logo label={t("homeLabel")} />
        <div className="hidden sm:block">
          <HeaderNav serverUser={serverUser} />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitcher />
          <HeaderAccount serverUser={serverUser} />
        </div>
      </div>
      <HeaderNav serverUser={serverUser} mobile />
    </header>
  );
}
