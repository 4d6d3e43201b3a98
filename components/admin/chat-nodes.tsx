"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { TChatStats } from "@/server/chat/master/admin-http";
import type { TNodeStats } from "@/lib/chat/node-protocol";
import { AdminNotice } from "@/components/admin/admin-notice";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { HeartbeatCell, NodeHeadCells, NodeNameCell, NodeStateCell } from "@/components/admin/node-cells";
import { DrainButton, DrainDialog, useNodeDrain } from "@/components/admin/node-drain";

const CHAT_NODES = { namespace: "admin.nodes", api: "/api/admin/nodes" } as const;
const FIGURES = [
  "colConnections",
  "colRooms",
  "colIn",
  "colOut",
  "colCpu",
  "colMemory",
  "colUptime",
] as const;

/** The chat master and every slave with their load; a slave can be drained (with confirmation) and resumed. */
export function ChatNodes({ chat }: { chat: TChatStats | null }) {
  const t = useTranslations("admin.nodes");
  const format = useFormatter();
  const drain = useNodeDrain(CHAT_NODES);

  const mb = (bytes: number) => `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 0 })} MB`;
  const uptime = (s: number) =>
    s >= 3600
      ? t("hours", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) })
      : t("minutes", { m: Math.floor(s / 60), s: s % 60 });
  const cells = (stats: TNodeStats | null) =>
    stats ? (
      <>
        <td className="px-3 py-3 text-right tabular-nums">
          {format.number(stats.messagesInPerSec, { maximumFractionDigits: 1 })}
        </td>
        <td className="px-3 py-3 text-right tabular-nums">
          {format.number(stats.messagesOutPerSec, { maximumFractionDigits: 1 })}
        </td>
        <td className="px-3 py-3 text-right tabular-nums">
          {format.number(stats.cpuPercent, { maximumFractionDigits: 1 })}%
        </td>
        <td className="px-3 py-3 text-right tabular-nums">{mb(stats.rssBytes)}</td>
        <td className="px-3 py-3 text-right tabular-nums">{uptime(stats.uptimeSec)}</td>
      </>
    ) : (
      <td colSpan={5} className="px-3 py-3 text-center text-zinc-500">
        —
      </td>
    );

  return (
    <AdminSection id="admin-nodes" heading={t("heading")} className="mt-8">
      <AdminNotice message={drain.message} />
      {!chat ? (
        <p
          role="alert"
          className="rounded-2xl border border-amber-200 bg-amber-50 px-4 py-4 text-sm text-amber-900"
        >
          {t("unavailable")}
        </p>
      ) : (
        <DataTable
          minWidth="min-w-[960px]"
          head={<NodeHeadCells kind={CHAT_NODES} figures={FIGURES.map((key) => t(key))} />}
        >
          <tr>
            <NodeNameCell nodeId="master" />
            <NodeStateCell state="active" label={t("stateMaster")} />
            <td className="px-3 py-3 text-right tabular-nums">{chat.master.connections}</td>
            <td className="px-3 py-3 text-right tabular-nums">{chat.master.rooms}</td>
            {cells(chat.master.stats)}
            <td className="px-3 py-3">—</td>
            <td className="px-3 py-3" />
          </tr>
          {chat.slaves.map((s) => (
            <tr key={s.nodeId} data-node-id={s.nodeId}>
              <NodeNameCell nodeId={s.nodeId} url={s.url} />
              <NodeStateCell
                state={s.draining ? "draining" : "active"}
                label={s.draining ? t("stateDraining") : t("stateActive")}
              />
              <td className="px-3 py-3 text-right tabular-nums">{s.connections}</td>
              <td className="px-3 py-3 text-right tabular-nums">{s.rooms}</td>
              {cells(s.stats)}
              <HeartbeatCell at={s.lastHeartbeat} />
              <td className="px-3 py-3 text-right">
                <DrainButton drain={drain} nodeId={s.nodeId} draining={s.draining} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <DrainDialog drain={drain} titleId="drain-title" />
    </AdminSection>
  );
}
