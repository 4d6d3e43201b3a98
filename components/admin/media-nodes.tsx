"use client";
import { useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TAdminMediaNode } from "@/server/admin/get-overview";
import { buttonStyles } from "@/components/ui/button-styles";
import { adminRequest } from "@/components/admin/use-poll";

type TPending = { nodeId: string; draining: boolean } | null;

const STATE_STYLE: Record<TAdminMediaNode["state"], string> = {
  active: "bg-emerald-50 text-emerald-800",
  draining: "bg-amber-100 text-amber-900",
  dead: "bg-red-50 text-red-800",
};

/** Every media node from its heartbeat: ingest connections, live shows, state; a node can be drained (with confirmation) and resumed. */
export function MediaNodes({ nodes, onChanged }: { nodes: TAdminMediaNode[]; onChanged: () => void }) {
  const t = useTranslations("admin.mediaNodes");
  const format = useFormatter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<TPending>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const stateLabel = { active: t("stateActive"), draining: t("stateDraining"), dead: t("stateDead") };

  function ask(nodeId: string, draining: boolean) {
    setPending({ nodeId, draining });
    setMessage(null);
    dialog.current?.showModal();
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    const res = await adminRequest<{ nodeId: string; draining: boolean }>(
      "POST",
      `/api/admin/media-nodes/${encodeURIComponent(pending.nodeId)}/drain`,
      { draining: pending.draining },
    );
    setBusy(false);
    dialog.current?.close();
    setMessage(
      res.ok
        ? {
            tone: "ok",
            text: pending.draining
              ? t("drained", { node: pending.nodeId })
              : t("resumed", { node: pending.nodeId }),
          }
        : { tone: "error", text: t("failed", { code: res.code || String(res.status) }) },
    );
    setPending(null);
    onChanged();
  }

  return (
    <section aria-labelledby="admin-media-nodes" className="mt-8">
      <h2 id="admin-media-nodes" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
        {t("heading")}
      </h2>
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
      {nodes.length === 0 ? (
        <p className="rounded-2xl border border-zinc-200 bg-white px-4 py-4 text-sm text-zinc-700">
          {t("none")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <table className="w-full min-w-[720px] text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-bold tracking-wide text-zinc-700 uppercase">
              <tr>
                <th scope="col" className="px-3 py-3">
                  {t("colNode")}
                </th>
                <th scope="col" className="px-3 py-3">
                  {t("colState")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colConnections")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colLive")}
                </th>
                <th scope="col" className="px-3 py-3">
                  {t("colHeartbeat")}
                </th>
                <th scope="col" className="px-3 py-3">
                  <span className="sr-only">{t("colActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 text-zinc-700">
              {nodes.map((n) => (
                <tr key={n.nodeId} data-media-node-id={n.nodeId}>
                  <th scope="row" className="px-3 py-3 font-semibold text-zinc-950">
                    {n.nodeId}
                    <div className="font-mono text-xs font-normal text-zinc-600">{n.url}</div>
                  </th>
                  <td className="px-3 py-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-bold ${STATE_STYLE[n.state]}`}>
                      {stateLabel[n.state]}
                    </span>
                  </td>
                  <td className="px-3 py-3 text-right tabular-nums">{n.connections}</td>
                  <td className="px-3 py-3 text-right tabular-nums">
                    {n.liveShows} / {n.maxLiveShows}
                  </td>
                  <td className="px-3 py-3">
                    <time dateTime={n.lastHeartbeat}>
                      {format.dateTime(new Date(n.lastHeartbeat), { timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="px-3 py-3 text-right">
                    {n.state === "draining" ? (
                      <button
                        type="button"
                        onClick={() => ask(n.nodeId, false)}
                        className={buttonStyles({ variant: "secondary", size: "sm" })}
                        aria-label={t("resumeNode", { node: n.nodeId })}
                      >
                        {t("resume")}
                      </button>
                    ) : n.state === "active" ? (
                      <button
                        type="button"
                        onClick={() => ask(n.nodeId, true)}
                        className={buttonStyles({ variant: "danger", size: "sm" })}
                        aria-label={t("drainNode", { node: n.nodeId })}
                      >
                        {t("drain")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="media-drain-title"
        onClose={() => setPending(null)}
        className="m-auto max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-black/40"
      >
        {pending && (
          <div className="p-5">
            <h3 id="media-drain-title" className="text-lg font-black text-zinc-950">
              {pending.draining
                ? t("confirmDrainTitle", { node: pending.nodeId })
                : t("confirmResumeTitle", { node: pending.nodeId })}
            </h3>
            <p className="mt-2 text-sm text-zinc-700">
              {pending.draining ? t("confirmDrainBody") : t("confirmResumeBody")}
            </p>
            <div className="mt-5 flex justify-end gap-2">
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className={buttonStyles({ variant: "secondary", size: "sm" })}
              >
                {t("cancel")}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void confirm()}
                className={buttonStyles({ variant: pending.draining ? "danger" : "primary", size: "sm" })}
              >
                {pending.draining ? t("confirmDrain") : t("confirmResume")}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </section>
  );
}
