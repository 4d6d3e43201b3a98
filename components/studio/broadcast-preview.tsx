"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { useBroadcastContext } from "@/components/studio/broadcast-context";
import { DevicePickers } from "@/components/studio/device-pickers";
import { MicLevelMeter } from "@/components/studio/mic-level-meter";
import { UploadHealth } from "@/components/studio/upload-health";
import { Button } from "@/components/ui/button";

/** The console's camera panel: live preview, the permission flow, device pickers, mic meter, upload health. */
export function BroadcastPreview() {
  const b = useBroadcastContext();
  const t = useTranslations("broadcast");
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current) video.current.srcObject = b.stream;
  }, [b.stream]);

  const onAir = b.phase === "live" || b.phase === "reconnecting";
  return (
    <div className="flex flex-col gap-4">
      <div className="dark-surface relative aspect-video overflow-hidden rounded-2xl bg-zinc-950 text-white">
        <video
          ref={video}
          data-testid="studio-preview"
          autoPlay
          muted
          playsInline
          className="size-full object-contain"
        />
        {onAir && (
          <span className="bg-live absolute top-3 left-3 inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
            <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />
            {t("onAir")}
          </span>
        )}
        {!b.stream && (
          <div className="absolute inset-0 grid place-items-center px-6 text-center">
            {b.phase === "ended" ? (
              <p className="font-bold">{t("showEnded")}</p>
            ) : b.opening ? (
              <p role="status" className="font-bold">
                {t("askingPermission")}
              </p>
            ) : b.deviceError ? (
              <div role="alert" className="flex max-w-md flex-col items-center gap-3">
                <p className="font-bold">{t(`deviceError.${b.deviceError}.title`)}</p>
                <p className="text-sm text-zinc-300">{t(`deviceError.${b.deviceError}.body`)}</p>
                <Button onClick={b.retryDevices} variant="secondary" size="sm">
                  {t("tryAgain")}
                </Button>
              </div>
            ) : (
              <Button onClick={b.retryDevices} variant="secondary">
                {t("turnOnCamera")}
              </Button>
            )}
          </div>
        )}
      </div>
      {b.phase !== "ended" && (
        <>
          <DevicePickers b={b} />
          <MicLevelMeter stream={b.stream} />
        </>
      )}
      <UploadHealth b={b} />
    </div>
  );
}
