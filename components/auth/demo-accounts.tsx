import { useTranslations } from "next-intl";

const ACCOUNTS = [
  { email: "admin@onair.test", role: "ADMIN" },
  { email: "seller@onair.test", role: "SELLER" },
  { email: "shopper@onair.test", role: "SHOPPER" },
  { email: "shopper2@onair.test", role: "SHOPPER" },
] as const;

/** The seeded demo accounts, so a first-time visitor can look around. */
export function DemoAccounts() {
  const t = useTranslations("auth.demo");
  const roles = useTranslations("shell.roles");
  return (
    <aside
      aria-labelledby="demo-heading"
      className="border-brand-200 bg-brand-50 mx-auto w-full max-w-md rounded-2xl border p-6 lg:mx-0"
    >
      <h2 id="demo-heading" className="text-brand-800 font-black">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-zinc-700">
        {t.rich("body", {
          code: (c) => <code className="rounded bg-white px-1 font-mono text-zinc-900">{c}</code>,
          password: "onair-demo",
        })}
      </p>
      <ul className="mt-4 flex flex-col gap-2 text-sm">
        {ACCOUNTS.map((a) => (
          <li key={a.email} className="flex items-center justify-between gap-3 rounded-lg bg-white px-3 py-2">
            <code className="truncate font-mono text-zinc-900">{a.email}</code>
            <span className="text-brand-800 shrink-0 text-xs font-semibold">{roles(a.role)}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
