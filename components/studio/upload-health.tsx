"use client";
import { useTranslations } from "next-intl";
import type { TBroadcast } from "@/components/studio/use-broadcast";

/** Bitrate sent, chunks queued, viewers, and a warning when the uplink cannot keep up. */
export function UploadHealth({ b }: { b: TBroadcast }) {
  const t = useTranslations("broadcast");
  if (b.phase !== "live" && b.phase !== "reconnecting" && b.phase !== "connecting") return null;
  const h = b.health;
  const stat = (label: string, value: string) => (
    <div className="rounded-lg bg-zinc-50 px-3 py-2">
      <dt className="text-xs text-zinc-600">{label}</dt>
      <dd className="text-sm font-bold text-zinc-950 tabular-nums">{value}</dd>
    </div>
  );
  return (
    <section aria-label={t("uploadHealth")} className="flex flex-col gap-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {stat(t("sent"), h ? t("kbps", { kbps: h.sentKbps }) : "–")}
        {stat(t("queued"), h ? t("chunks", { count: h.queuedChunks + (h.bufferedBytes > 0 ? 1 : 0) }) : "–")}
        {stat(t("viewers"), String(b.serverStats?.viewers ?? 0))}
        {stat(t("segments"), String(b.serverStats?.segments ?? 0))}
      </dl>
      {b.serverStats && (
        <p data-testid="video-path" data-path={b.serverStats.videoPath} className="text-sm text-zinc-700">
          <span className="font-semibold">{t("videoPath")}: </span>
          {b.serverStats.videoPath === "copy" ? t("videoPathCopy") : t("videoPathTranscode")}
          {b.serverStats.transcodeReason && (
            <span className="block text-xs text-zinc-600">
              {b.serverStats.transcodeReason === "codec" ? t("transcodeCodec") : t("transcodeKeyframes")}
            </span>
          )}
        </p>
      )}
      {b.phase === "reconnecting" && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
          {t("reconnecting")}
        </p>
      )}
      {h?.struggling && b.phase === "live" && (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
          {b.quality === "720p" ? t("slowUplinkTry480") : t("slowUplink")}
        </p>
      )}
    </section>
  );
}
