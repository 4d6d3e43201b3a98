"use client";
import { useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TAdminMessage } from "@/components/admin/admin-notice";
import { settle } from "@/lib/api/request";
import { drainNode, failureCode } from "@/lib/admin/client";
import { adminQueries } from "@/lib/admin/queries";

/** Chat slaves and media nodes drain alike; each table keeps its own wording under its own namespace. */
export type TNodeKind = {
  namespace: "admin.nodes" | "admin.mediaNodes";
  api: "/api/admin/nodes" | "/api/admin/media-nodes";
};
type TPending = { nodeId: string; draining: boolean } | null;

/**
 * Draining a node moves its load away, so it is asked for first: `ask` opens the confirmation dialog,
 * whose confirm POSTs `{ draining }` to the node's drain route and leaves the outcome in `message`; the
 * admin screens' queries refresh either way.
 */
export function useNodeDrain(kind: TNodeKind) {
  const t = useTranslations(kind.namespace);
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<TPending>(null);
  const [message, setMessage] = useState<TAdminMessage | null>(null);
  const mutation = useMutation({
    mutationFn: (p: NonNullable<TPending>) => drainNode(kind.api, p.nodeId, p.draining),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminQueries.all }),
  });

  function ask(nodeId: string, draining: boolean) {
    setPending({ nodeId, draining });
    setMessage(null);
    dialog.current?.showModal();
  }

  async function confirm() {
    if (!pending) return;
    const res = await settle(mutation.mutateAsync(pending));
    dialog.current?.close();
    setMessage(
      res.ok
        ? {
            tone: "ok",
            text: pending.draining
              ? t("drained", { node: pending.nodeId })
              : t("resumed", { node: pending.nodeId }),
          }
        : { tone: "error", text: t("failed", { code: failureCode(res.error) }) },
    );
    setPending(null);
  }

  return { kind, dialog, pending, setPending, busy: mutation.isPending, message, ask, confirm };
}

type TNodeDrain = ReturnType<typeof useNodeDrain>;

/** A node's row action: resume it when draining, drain it otherwise. */
export function DrainButton({
  drain,
  nodeId,
  draining,
}: {
  drain: TNodeDrain;
  nodeId: string;
  draining: boolean;
}) {
  const t = useTranslations(drain.kind.namespace);
  return (
    <Button
      onClick={() => drain.ask(nodeId, !draining)}
      variant={draining ? "secondary" : "danger"}
      size="sm"
      aria-label={draining ? t("resumeNode", { node: nodeId }) : t("drainNode", { node: nodeId })}
    >
      {draining ? t("resume") : t("drain")}
    </Button>
  );
}

/** The confirmation for the drain or resume a row's button asked for. */
export function DrainDialog({ drain, titleId }: { drain: TNodeDrain; titleId: string }) {
  const t = useTranslations(drain.kind.namespace);
  const { dialog, pending } = drain;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={() => drain.setPending(null)}
      className="m-auto max-w-md rounded-2xl p-0 shadow-xl backdrop:bg-black/40"
    >
      {pending && (
        <div className="p-5">
          <h3 id={titleId} className="text-lg font-black text-zinc-950">
            {pending.draining
              ? t("confirmDrainTitle", { node: pending.nodeId })
              : t("confirmResumeTitle", { node: pending.nodeId })}
          </h3>
          <p className="mt-2 text-sm text-zinc-700">
            {pending.draining ? t("confirmDrainBody") : t("confirmResumeBody")}
          </p>
          <div className="mt-5 flex justify-end gap-2">
            <Button onClick={() => dialog.current?.close()} variant="secondary" size="sm">
              {t("cancel")}
            </Button>
            <Button
              disabled={drain.busy}
              onClick={() => void drain.confirm()}
              variant={pending.draining ? "danger" : "primary"}
              size="sm"
            >
              {pending.draining ? t("confirmDrain") : t("confirmResume")}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
