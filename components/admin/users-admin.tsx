"use client";
import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { Role } from "@prisma/client";
import { buttonStyles } from "@/components/ui/button-styles";
import { cx } from "@/components/ui/cx";
import { adminRequest } from "@/components/admin/use-poll";

export type TUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
};

const ROLES: Role[] = ["SHOPPER", "SELLER", "ADMIN"];
const roleStyles = {
  ADMIN: "bg-brand-100 text-brand-800",
  SELLER: "bg-sky-100 text-sky-900",
  SHOPPER: "bg-zinc-100 text-zinc-800",
} as const;

/** Accounts: search by name or email, filter by role, change a role, disable or enable (with confirmation). */
export function UsersAdmin({ initial, meId }: { initial: TUserRow[]; meId: string }) {
  const t = useTranslations("admin.usersPage");
  const roles = useTranslations("shell.roles");
  const format = useFormatter();
  const [users, setUsers] = useState(initial);
  const [q, setQ] = useState("");
  const [role, setRole] = useState<"" | Role>("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(role ? { role } : {}) });
      fetch(`/api/admin/users?${params.toString()}`, { cache: "no-store", signal: controller.signal })
        .then((res) => (res.ok ? (res.json() as Promise<{ users: TUserRow[] }>) : null))
        .then((json) => json && setUsers(json.users))
        .catch(() => undefined);
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, role]);

  async function update(user: TUserRow, patch: { role?: Role; disabled?: boolean }) {
    setBusy(user.id);
    setMessage(null);
    const res = await adminRequest<{ id: string; role: Role; disabled: boolean }>(
      "PATCH",
      `/api/admin/users/${encodeURIComponent(user.id)}`,
      patch,
    );
    setBusy(null);
    setConfirming(null);
    if (!res.ok)
      return setMessage({ tone: "error", text: t("failed", { code: res.code || String(res.status) }) });
    setUsers((list) =>
      list.map((u) => (u.id === user.id ? { ...u, role: res.data.role, disabled: res.data.disabled } : u)),
    );
    const text =
      patch.role !== undefined
        ? t("roleChanged", { name: user.name, role: roles(res.data.role) })
        : res.data.disabled
          ? t("disabledDone", { name: user.name })
          : t("enabledDone", { name: user.name });
    setMessage({ tone: "ok", text });
  }

  return (
    <section aria-labelledby="admin-users" className="mt-2">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="admin-users" className="text-lg font-black tracking-tight text-zinc-950">
          {t("heading")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <label className="flex flex-col text-xs font-semibold text-zinc-700">
            {t("search")}
            <input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className="mt-1 h-9 w-64 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-normal text-zinc-900"
            />
          </label>
          <label className="flex flex-col text-xs font-semibold text-zinc-700">
            {t("roleFilter")}
            <select
              value={role}
              onChange={(e) => setRole(e.target.value as "" | Role)}
              className="mt-1 h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm font-normal text-zinc-900"
            >
              <option value="">{t("allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roles(r)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {message && (
        <p
          role={message.tone === "ok" ? "status" : "alert"}
          className={
            message.tone === "ok"
              ? "mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              : "mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
          }
        >
          {message.text}
        </p>
      )}
      <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
        <table className="w-full min-w-[760px] text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-bold tracking-wide text-zinc-700 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t("colName")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("colEmail")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("colRole")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("colCreated")}
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                {t("colAccount")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {users.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-zinc-600">
                  {t("none")}
                </td>
              </tr>
            )}
            {users.map((u) => {
              const me = u.id === meId;
              return (
                <tr key={u.id} className={cx("hover:bg-zinc-50", u.disabled && "bg-zinc-50 text-zinc-500")}>
                  <th scope="row" className="px-4 py-3 font-semibold text-zinc-950">
                    {u.name}
                    {me && <span className="ml-2 text-xs font-normal text-zinc-600">{t("you")}</span>}
                    {u.disabled && (
                      <span className="ml-2 rounded bg-red-50 px-1.5 text-xs font-bold text-red-800">
                        {t("disabled")}
                      </span>
                    )}
                  </th>
                  <td className="px-4 py-3 font-mono text-xs text-zinc-700">{u.email}</td>
                  <td className="px-4 py-3">
                    {me ? (
                      <span className={cx("rounded-full px-2 py-0.5 text-xs font-bold", roleStyles[u.role])}>
                        {roles(u.role)}
                      </span>
                    ) : (
                      <select
                        aria-label={t("roleOf", { name: u.name })}
                        value={u.role}
                        disabled={busy === u.id}
                        onChange={(e) => void update(u, { role: e.target.value as Role })}
                        className="h-8 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900"
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roles(r)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="px-4 py-3 text-zinc-700">
                    <time dateTime={u.createdAt}>
                      {format.dateTime(new Date(u.createdAt), { dateStyle: "medium" })}
                    </time>
                  </td>
                  <td className="px-4 py-3 text-right whitespace-nowrap">
                    {me ? null : u.disabled ? (
                      <button
                        type="button"
                        disabled={busy === u.id}
                        onClick={() => void update(u, { disabled: false })}
                        className={buttonStyles({ variant: "secondary", size: "sm" })}
                        aria-label={t("enableUser", { name: u.name })}
                      >
                        {t("enable")}
                      </button>
                    ) : confirming === u.id ? (
                      <span className="inline-flex gap-2">
                        <button
                          type="button"
                          disabled={busy === u.id}
                          onClick={() => void update(u, { disabled: true })}
                          className={buttonStyles({ variant: "danger", size: "sm" })}
                        >
                          {t("confirmDisable", { name: u.name })}
                        </button>
                        <button
                          type="button"
                          onClick={() => setConfirming(null)}
                          className={buttonStyles({ variant: "ghost", size: "sm" })}
                        >
                          {t("cancel")}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setConfirming(u.id)}
                        className={buttonStyles({ variant: "secondary", size: "sm" })}
                        aria-label={t("disableUser", { name: u.name })}
                      >
                        {t("disable")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
