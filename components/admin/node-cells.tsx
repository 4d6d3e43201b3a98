import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { HeadCell } from "@/components/ui/data-table";
import type { TNodeKind } from "@/components/admin/node-drain";

const STATE_STYLE = {
  active: "bg-emerald-50 text-emerald-800",
  draining: "bg-amber-100 text-amber-900",
  dead: "bg-red-50 text-red-800",
} as const;

/** A node table's columns: the node, its state, its `figures` (right-aligned), its last heartbeat, its action. */
export function NodeHeadCells({ kind, figures }: { kind: TNodeKind; figures: string[] }) {
  const t = useTranslations(kind.namespace);
  return (
    <>
      <HeadCell>{t("colNode")}</HeadCell>
      <HeadCell>{t("colState")}</HeadCell>
      {figures.map((label) => (
        <HeadCell key={label} numeric>
          {label}
        </HeadCell>
      ))}
      <HeadCell>{t("colHeartbeat")}</HeadCell>
      <HeadCell>
        <span className="sr-only">{t("colActions")}</span>
      </HeadCell>
    </>
  );
}

/** A node's row header: its id, and under it the address it serves on. */
export function NodeNameCell({ nodeId, url }: { nodeId: ReactNode; url?: string }) {
  return (
    <th scope="row" className="px-3 py-3 font-semibold text-zinc-950">
      {nodeId}
      {url !== undefined && <div className="font-mono text-xs font-normal text-zinc-600">{url}</div>}
    </th>
  );
}

/** A node's state as a coloured pill: green serving, amber draining, red silent. */
export function NodeStateCell({ state, label }: { state: keyof typeof STATE_STYLE; label: string }) {
  return (
    <td className="px-3 py-3">
      <span className={`rounded-full px-2 py-0.5 text-xs font-bold ${STATE_STYLE[state]}`}>{label}</span>
    </td>
  );
}

/** When the node last reported in, to the second: a stale time is how a stuck node shows. */
export function HeartbeatCell({ at }: { at: string }) {
  const format = useFormatter();
  return (
    <td className="px-3 py-3">
      <time dateTime={at}>{format.dateTime(new Date(at), { timeStyle: "medium" })}</time>
    </td>
  );
}
