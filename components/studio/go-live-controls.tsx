"use client";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { useBroadcastContext } from "@/components/studio/broadcast-context";
import { ElapsedTime } from "@/components/studio/elapsed-time";
import { Button } from "@/components/ui/button";

/** "Go live" and "End show" (with a confirmation dialog), the time on air and what went wrong. */
export function GoLiveControls() {
  const b = useBroadcastContext();
  const t = useTranslations("broadcast");
  const dialog = useRef<HTMLDialogElement>(null);
  const broadcasting = b.phase === "live" || b.phase === "reconnecting" || b.phase === "connecting";
  const canGoLive = b.status !== "ENDED" && !broadcasting && b.phase !== "ending" && b.stream !== null;
  const canEnd = b.status === "LIVE" || broadcasting;

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex items-center gap-3">
        {b.startedAt && b.status === "LIVE" && <ElapsedTime since={b.startedAt} label={t("elapsed")} />}
        <Button
          disabled={!canGoLive}
          onClick={b.goLive}
          aria-describedby="broadcast-note"
          variant="live"
          size="lg"
        >
          <span aria-hidden="true" className="size-2 rounded-full bg-current" />
          {t("goLive")}
        </Button>
        <Button
          disabled={!canEnd || b.phase === "ending"}
          onClick={() => dialog.current?.showModal()}
          variant="danger"
          size="lg"
        >
          {t("endShow")}
        </Button>
      </div>
      <p id="broadcast-note" role="status" className="max-w-xs text-xs text-zinc-600 sm:text-right">
        {/* Publishing, but the show is LIVE only once its first whole second of video exists. */}
        {b.failure
          ? b.failure
          : t(b.phase === "live" && b.status !== "LIVE" ? "phase.starting" : `phase.${b.phase}`)}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby="end-show-title"
        className="m-auto max-w-sm rounded-2xl p-6 shadow-xl backdrop:bg-black/50"
      >
        <h2 id="end-show-title" className="text-lg font-black text-zinc-950">
          {t("confirmTitle")}
        </h2>
        <p className="mt-2 text-sm text-zinc-700">{t("confirmBody")}</p>
        <form method="dialog" className="mt-5 flex justify-end gap-2">
          <Button type="submit" variant="secondary">
            {t("keepStreaming")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              dialog.current?.close();
              void b.endShow();
            }}
          >
            {t("confirmEnd")}
          </Button>
        </form>
      </dialog>
    </div>
  );
}
