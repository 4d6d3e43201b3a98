import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

export type TAdminSection = "overview" | "users" | "audit";
const links: { key: TAdminSection; href: string }[] = [
  { key: "overview", href: "/admin" },
  { key: "users", href: "/admin/users" },
  { key: "audit", href: "/admin/audit" },
];

/** The admin area's sections. */
export function AdminNav({ current }: { current: TAdminSection | null }) {
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 flex gap-1 border-b border-zinc-200">
      {links.map((l) => (
        <Link
          key={l.key}
          href={l.href}
          aria-current={current === l.key ? "page" : undefined}
          className={cx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-semibold transition-colors",
            current === l.key
              ? "border-brand-700 text-brand-800"
              : "border-transparent text-zinc-600 hover:text-zinc-900",
          )}
        >
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
