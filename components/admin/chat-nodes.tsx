"use client";
import { useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TChatStats } from "@/server/chat/master/admin-http";
import type { TNodeStats } from "@/lib/chat/node-protocol";
import { buttonStyles } from "@/components/ui/button-styles";
import { adminRequest } from "@/components/admin/use-poll";

type TPending = { nodeId: string; draining: boolean } | null;

/** The chat master and every slave with their load; a slave can be drained (with confirmation) and resumed. */
export function ChatNodes({ chat, onChanged }: { chat: TChatStats | null; onChanged: () => void }) {
  const t = useTranslations("admin.nodes");
  const format = useFormatter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<TPending>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

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
      `/api/admin/nodes/${encodeURIComponent(pending.nodeId)}/drain`,
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
    <section aria-labelledby="admin-nodes" className="mt-8">
      <h2 id="admin-nodes" className="mb-3 text-lg font-black tracking-tight text-zinc-950">
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
      {!chat ? (
        <p
          role="alert"
          className="rounded-2xl border border-amber-200 bg-amber-50 px-4 py-4 text-sm text-amber-900"
        >
          {t("unavailable")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <table className="w-full min-w-[960px] text-left text-sm">
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
                  {t("colRooms")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colIn")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colOut")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colCpu")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colMemory")}
                </th>
                <th scope="col" className="px-3 py-3 text-right">
                  {t("colUptime")}
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
              <tr>
                <th scope="row" className="px-3 py-3 font-semibold text-zinc-950">
                  master
                </th>
                <td className="px-3 py-3">
                  <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-bold text-emerald-800">
                    {t("stateMaster")}
                  </span>
                </td>
                <td className="px-3 py-3 text-right tabular-nums">{chat.master.connections}</td>
                <td className="px-3 py-3 text-right tabular-nums">{chat.master.rooms}</td>
                {cells(chat.master.stats)}
                <td className="px-3 py-3">—</td>
                <td className="px-3 py-3" />
              </tr>
              {chat.slaves.map((s) => (
                <tr key={s.nodeId} data-node-id={s.nodeId}>
                  <th scope="row" className="px-3 py-3 font-semibold text-zinc-950">
                    {s.nodeId}
                    <div className="font-mono text-xs font-normal text-zinc-600">{s.url}</div>
                  </th>
                  <td className="px-3 py-3">
                    {s.draining ? (
                      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">
                        {t("stateDraining")}
                      </span>
                    ) : (
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-bold text-emerald-800">
                        {t("stateActive")}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-3 text-right tabular-nums">{s.connections}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{s.rooms}</td>
                  {cells(s.stats)}
                  <td className="px-3 py-3">
                    <time dateTime={s.lastHeartbeat}>
                      {format.dateTime(new Date(s.lastHeartbeat), { timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="px-3 py-3 text-right">
                    {s.draining ? (
                      <button
                        type="button"
                        onClick={() => ask(s.nodeId, false)}
                        className={buttonStyles({ variant: "secondary", size: "sm" })}
                        aria-label={t("resumeNode", { node: s.nodeId })}
                      >
                        {t("resume")}
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => ask(s.nodeId, true)}
                        className={buttonStyles({ variant: "danger", size: "sm" })}
                        aria-label={t("drainNode", { node: s.nodeId })}
                      >
                        {t("drain")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="drain-title"
        onClose={() => setPending(null)}
        className="m-auto max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-black/40"
      >
        {pending && (
          <div className="p-5">
            <h3 id="drain-title" className="text-lg font-black text-zinc-950">
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
