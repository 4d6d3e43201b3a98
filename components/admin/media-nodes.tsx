"use client";
import { useTranslations } from "next-intl";
import type { TAdminMediaNode } from "@/server/admin/get-overview";
import { AdminNotice } from "@/components/admin/admin-notice";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { HeartbeatCell, NodeHeadCells, NodeNameCell, NodeStateCell } from "@/components/admin/node-cells";
import { DrainButton, DrainDialog, useNodeDrain } from "@/components/admin/node-drain";

const MEDIA_NODES = { namespace: "admin.mediaNodes", api: "/api/admin/media-nodes" } as const;

/** Every media node from its heartbeat: ingest connections, live shows, state; a node can be drained (with confirmation) and resumed. */
export function MediaNodes({ nodes }: { nodes: TAdminMediaNode[] }) {
  const t = useTranslations("admin.mediaNodes");
  const drain = useNodeDrain(MEDIA_NODES);
  const stateLabel = { active: t("stateActive"), draining: t("stateDraining"), dead: t("stateDead") };

  return (
    <AdminSection id="admin-media-nodes" heading={t("heading")} className="mt-8">
      <AdminNotice message={drain.message} />
      {nodes.length === 0 ? (
        <p className="rounded-2xl border border-zinc-200 bg-white px-4 py-4 text-sm text-zinc-700">
          {t("none")}
        </p>
      ) : (
        <DataTable
          minWidth="min-w-[720px]"
          head={<NodeHeadCells kind={MEDIA_NODES} figures={[t("colConnections"), t("colLive")]} />}
        >
          {nodes.map((n) => (
            <tr key={n.nodeId} data-media-node-id={n.nodeId}>
              <NodeNameCell nodeId={n.nodeId} url={n.url} />
              <NodeStateCell state={n.state} label={stateLabel[n.state]} />
              <td className="px-3 py-3 text-right tabular-nums">{n.connections}</td>
              <td className="px-3 py-3 text-right tabular-nums">
                {n.liveShows} / {n.maxLiveShows}
              </td>
              <HeartbeatCell at={n.lastHeartbeat} />
              <td className="px-3 py-3 text-right">
                {n.state !== "dead" && (
                  <DrainButton drain={drain} nodeId={n.nodeId} draining={n.state === "draining"} />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <DrainDialog drain={drain} titleId="media-drain-title" />
    </AdminSection>
  );
}
