"use client";
import { useId, type ReactNode } from "react";
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
      <DeviceSelect
        id={`${id}-camera`}
        label={t("camera")}
        devices={b.cameras}
        nameOf={(n) => t("cameraN", { n })}
        value={b.cameraId}
        onChange={(cameraId) => b.choose({ cameraId })}
        disabled={locked}
      >
        {b.testSourceAvailable && <option value={TEST_SOURCE_ID}>{t("testSource")}</option>}
      </DeviceSelect>
      <DeviceSelect
        id={`${id}-mic`}
        label={t("microphone")}
        devices={b.mics}
        nameOf={(n) => t("micN", { n })}
        value={b.micId}
        onChange={(micId) => b.choose({ micId })}
        disabled={locked || b.cameraId === TEST_SOURCE_ID}
      />
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

/** A camera or microphone: the browser's devices by label (numbered while it withholds labels), else "Default". */
function DeviceSelect({
  id,
  label,
  devices,
  nameOf,
  value,
  onChange,
  disabled,
  children,
}: {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  /** The name of the n-th device (from 1) whose label the browser withholds. */
  nameOf: (n: number) => string;
  value: string | null;
  onChange: (deviceId: string | null) => void;
  disabled: boolean;
  /** Options after the devices (the test source). */
  children?: ReactNode;
}) {
  const t = useTranslations("broadcast");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      <select
        id={id}
        className={selectClass}
        disabled={disabled}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
      >
        {devices.length === 0 && <option value="">{t("defaultDevice")}</option>}
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || nameOf(i + 1)}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
