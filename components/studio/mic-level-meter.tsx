"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { watchMicLevel } from "@/lib/media/mic-level";

/** A horizontal level meter for the stream's microphone, so the seller sees they are heard. */
export function MicLevelMeter({ stream }: { stream: MediaStream | null }) {
  const t = useTranslations("broadcast");
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream) return;
    return watchMicLevel(stream, setLevel);
  }, [stream]);
  const percent = Math.round(level * 100);
  return (
    <div className="flex items-center gap-2">
      <span className="w-20 shrink-0 text-xs font-semibold text-zinc-700">{t("micLevel")}</span>
      <div
        role="meter"
        aria-label={t("micLevel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2.5 flex-1 overflow-hidden rounded-full bg-zinc-200"
      >
        <div
          className={percent > 85 ? "h-full bg-red-600" : "h-full bg-emerald-600"}
          style={{ width: `${percent}%`, transition: "width 60ms linear" }}
        />
      </div>
    </div>
  );
}
