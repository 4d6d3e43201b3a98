import { useFormatter, useTranslations } from "next-intl";
import type { TAdminUserRow } from "@/server/admin/list-users";
import { cx } from "@/components/ui/cx";

const roleStyles = { ADMIN: "bg-brand-100 text-brand-800", SELLER: "bg-sky-100 text-sky-900", SHOPPER: "bg-zinc-100 text-zinc-800" } as const;

/** Every account: name, email, role and when it was created. */
export function UsersTable({ users }: { users: TAdminUserRow[] }) {
  const t = useTranslations("admin");
  const roles = useTranslations("shell.roles");
  const format = useFormatter();
  return (
    <section aria-labelledby="admin-users" className="mt-10">
      <h2 id="admin-users" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
        {t("users")}
      </h2>
      <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-bold tracking-wide text-zinc-700 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">{t("colName")}</th>
              <th scope="col" className="px-4 py-3">{t("colEmail")}</th>
              <th scope="col" className="px-4 py-3">{t("colRole")}</th>
              <th scope="col" className="px-4 py-3">{t("colCreated")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {users.map((u) => (
              <tr key={u.id} className="hover:bg-zinc-50">
                <th scope="row" className="px-4 py-3 font-semibold text-zinc-950">
                  {u.name}
                  {u.disabled && <span className="ml-2 rounded bg-red-50 px-1.5 text-xs font-bold text-red-800">{t("disabled")}</span>}
                </th>
                <td className="px-4 py-3 font-mono text-xs text-zinc-700">{u.email}</td>
                <td className="px-4 py-3">
                  <span className={cx("rounded-full px-2 py-0.5 text-xs font-bold", roleStyles[u.role])}>{roles(u.role)}</span>
                </td>
                <td className="px-4 py-3 text-zinc-700"><time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
