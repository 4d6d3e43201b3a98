"use client";
import { useEffect, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { Role } from "@prisma/client";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { AdminNotice, type TAdminMessage } from "@/components/admin/admin-notice";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable, EmptyRow, HeadCell } from "@/components/ui/data-table";
import { LabelledSearch, LabelledSelect } from "@/components/admin/labelled-field";
import { settle } from "@/lib/api/request";
import { failureCode, updateUser, type TUserRow } from "@/lib/admin/client";
import { adminQueries } from "@/lib/admin/queries";

const COLUMNS = ["colName", "colEmail", "colRole", "colCreated"] as const;
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
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<"" | Role>("");
  // What the list shows: the search box's text a quarter second after the last key.
  const [filters, setFilters] = useState<{ q: string; role: "" | Role }>({ q: "", role: "" });
  const unfiltered = !filters.q && !filters.role;
  const users =
    useQuery({
      ...adminQueries.users(filters),
      initialData: unfiltered ? { users: initial } : undefined,
      placeholderData: keepPreviousData,
    }).data?.users ?? [];
  const [confirming, setConfirming] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { user: TUserRow; patch: { role?: Role; disabled?: boolean } }) =>
      updateUser(v.user.id, v.patch),
    onSuccess: (saved) => {
      queryClient.setQueriesData<{ users: TUserRow[] }>({ queryKey: ["admin", "users"] }, (old) =>
        old
          ? {
              users: old.users.map((u) =>
                u.id === saved.id ? { ...u, role: saved.role, disabled: saved.disabled } : u,
              ),
            }
          : old,
      );
      // A role filter may no longer match: ask again in the background.
      void queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });
  const busy = save.isPending ? save.variables.user.id : null;
  const [message, setMessage] = useState<TAdminMessage | null>(null);
  const roleOptions = ROLES.map((r) => (
    <option key={r} value={r}>
      {roles(r)}
    </option>
  ));

  useEffect(() => {
    const timer = window.setTimeout(() => setFilters({ q: q.trim(), role }), 250);
    return () => window.clearTimeout(timer);
  }, [q, role]);

  async function update(user: TUserRow, patch: { role?: Role; disabled?: boolean }) {
    setMessage(null);
    const res = await settle(save.mutateAsync({ user, patch }));
    setConfirming(null);
    if (!res.ok) return setMessage({ tone: "error", text: t("failed", { code: failureCode(res.error) }) });
    const text =
      patch.role !== undefined
        ? t("roleChanged", { name: user.name, role: roles(res.data.role) })
        : res.data.disabled
          ? t("disabledDone", { name: user.name })
          : t("enabledDone", { name: user.name });
    setMessage({ tone: "ok", text });
  }

  return (
    <AdminSection
      id="admin-users"
      heading={t("heading")}
      className="mt-2"
      tools={
        <>
          <LabelledSearch label={t("search")} value={q} onChange={setQ} className="w-64" />
          <LabelledSelect label={t("roleFilter")} value={role} onChange={(v) => setRole(v as "" | Role)}>
            <option value="">{t("allRoles")}</option>
            {roleOptions}
          </LabelledSelect>
        </>
      }
    >
      <AdminNotice message={message} />
      <DataTable
        minWidth="min-w-[760px]"
        head={
          <>
            {COLUMNS.map((key) => (
              <HeadCell key={key} roomy>
                {t(key)}
              </HeadCell>
            ))}
            <HeadCell roomy numeric>
              {t("colAccount")}
            </HeadCell>
          </>
        }
      >
        {users.length === 0 && <EmptyRow colSpan={5}>{t("none")}</EmptyRow>}
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
                    {roleOptions}
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
                  <Button
                    disabled={busy === u.id}
                    onClick={() => void update(u, { disabled: false })}
                    variant="secondary"
                    size="sm"
                    aria-label={t("enableUser", { name: u.name })}
                  >
                    {t("enable")}
                  </Button>
                ) : confirming === u.id ? (
                  <span className="inline-flex gap-2">
                    <Button
                      disabled={busy === u.id}
                      onClick={() => void update(u, { disabled: true })}
                      variant="danger"
                      size="sm"
                    >
                      {t("confirmDisable", { name: u.name })}
                    </Button>
                    <Button onClick={() => setConfirming(null)} variant="ghost" size="sm">
                      {t("cancel")}
                    </Button>
                  </span>
                ) : (
                  <Button
                    onClick={() => setConfirming(u.id)}
                    variant="secondary"
                    size="sm"
                    aria-label={t("disableUser", { name: u.name })}
                  >
                    {t("disable")}
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </AdminSection>
  );
}
