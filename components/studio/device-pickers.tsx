"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { TQuality } from "@/lib/media/ingest-protocol";
import { TEST_SOURCE_ID, type TBroadcast } from "@/components/studio/use-broadcast";

const selectClass =
  "h-9 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 disabled:bg-zinc-100 disabled:text-zinc-500";

/** Camera, microphone and quality. Locked while on air: MediaRecorder cannot switch sources mid-recording. */
export function DevicePickers({ b }: { b: TBroadcast }) {
  const t = useTranslations("broadcast");
  const id = useId();
  const onAir =
    b.phase === "live" || b.phase === "connecting" || b.phase === "reconnecting" || b.phase === "ending";
  const locked = onAir || b.opening;
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <div>
        <label htmlFor={`${id}-camera`} className="mb-1 block text-xs font-semibold text-zinc-700">
          {t("camera")}
        </label>
        <select
          id={`${id}-camera`}
          className={selectClass}
          disabled={locked}
          value={b.cameraId ?? ""}
          onChange={(e) => b.choose({ cameraId: e.target.value || null })}
        >
          {b.cameras.length === 0 && <option value="">{t("defaultDevice")}</option>}
          {b.cameras.map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || t("cameraN", { n: i + 1 })}
            </option>
          ))}
          {b.testSourceAvailable && <option value={TEST_SOURCE_ID}>{t("testSource")}</option>}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-mic`} className="mb-1 block text-xs font-semibold text-zinc-700">
          {t("microphone")}
        </label>
        <select
          id={`${id}-mic`}
          className={selectClass}
          disabled={locked || b.cameraId === TEST_SOURCE_ID}
          value={b.micId ?? ""}
          onChange={(e) => b.choose({ micId: e.target.value || null })}
        >
          {b.mics.length === 0 && <option value="">{t("defaultDevice")}</option>}
          {b.mics.map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || t("micN", { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      <fieldset disabled={locked}>
        <legend className="mb-1 block text-xs font-semibold text-zinc-700">{t("quality")}</legend>
        <div className="flex gap-2">
          {(["720p", "480p"] as TQuality[]).map((q) => (
            <label
              key={q}
              className="has-checked:border-brand-700 has-checked:bg-brand-50 flex h-9 flex-1 cursor-pointer items-center justify-center gap-1.5 rounded-lg border border-zinc-300 bg-white text-sm has-checked:font-semibold"
            >
              <input
                type="radio"
                name={`${id}-quality`}
                value={q}
                checked={b.quality === q}
                onChange={() => b.choose({ quality: q })}
                className="sr-only"
              />
              {q === "720p" ? t("quality720") : t("quality480")}
            </label>
          ))}
        </div>
      </fieldset>
      {onAir && <p className="text-xs text-zinc-600 sm:col-span-3">{t("lockedWhileLive")}</p>}
    </div>
  );
}
