"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ApiRequestError } from "@/lib/api/request";
import { formatCountdown } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import type { TLiveItem, TLiveItemKind } from "@/lib/engage/live-items";

/** The message namespaces of the two features; their console pieces use the same keys. */
export type TEngageNamespace = `${TLiveItemKind}s`;

/** The console forms' text field and select (auctions, giveaways). */
export const fieldStyles =
  "h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm focus:border-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700";

/** Durations a seller picks from (seconds): short enough for a live show, long enough to join in. */
export const ENGAGE_DURATIONS = [30, 60, 120, 300, 600] as const;

/** Live / Ended / Cancelled pill of an auction or giveaway. */
export function EngageStatusPill({ status, label }: { status: TLiveItem["status"]; label: string }) {
  return (
    <span
      className={cx(
        "shrink-0 rounded-full px-2 py-0.5 text-xs font-bold",
        status === "RUNNING"
          ? "bg-live text-white"
          : status === "ENDED"
            ? "bg-zinc-900 text-white"
            : "bg-zinc-200 text-zinc-800",
      )}
    >
      {label}
    </span>
  );
}

/** Seconds left until `endsAt` (never negative), or null before the browser's clock is known. */
const secondsLeft = (endsAt: string, now: number | null) =>
  now === null ? null : Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));

/**
 * A ticking mm:ss clock. The ticking digits are hidden from screen readers: they get `srText` with the
 * seconds rounded up to the next 10, so it changes once per 10 s at most.
 */
function Countdown({ left, srText }: { left: number | null; srText: (seconds: number) => string }) {
  return (
    <>
      <span aria-hidden="true" className={cx(left !== null && left <= 10 && "text-live")}>
        {left === null ? "–" : formatCountdown(left)}
      </span>
      <span className="sr-only">{left === null ? "" : srText(Math.ceil(left / 10) * 10)}</span>
    </>
  );
}

/** An admin's cancel with a reason (shown to viewers, kept in the audit log); field errors come from the API. */
export function CancelWithReason({
  label,
  button,
  genericError,
  cancel,
}: {
  label: string;
  button: string;
  genericError: string;
  cancel: (reason: string) => Promise<void>;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  const { mutate, isPending: busy, error: failure } = useMutation({ mutationFn: cancel });
  const error = !failure
    ? null
    : failure instanceof ApiRequestError
      ? (failure.fields.reason ?? failure.message)
      : genericError;
  function submit(e: FormEvent) {
    e.preventDefault();
    mutate(reason);
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2 rounded-lg bg-zinc-50 p-3">
      <label htmlFor={id} className="text-sm font-semibold text-zinc-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={300}
          aria-invalid={error !== null}
          className={fieldStyles}
        />
        <Button type="submit" disabled={busy} variant="danger">
          {button}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** A status's clock cell: time left while it runs, then its result; `size` is the figure's text size. */
export function ClockCell({
  namespace,
  item,
  now,
  size,
  result,
}: {
  namespace: TEngageNamespace;
  item: TLiveItem;
  now: number | null;
  size: "text-lg" | "text-2xl";
  result: ReactNode;
}) {
  const t = useTranslations(namespace);
  const running = item.status === "RUNNING";
  return (
    <div>
      <dt className="text-zinc-600">{running ? t("timeLeft") : t("result")}</dt>
      <dd className={cx("font-black text-zinc-950 tabular-nums", size)}>
        {running ? (
          <Countdown
            left={secondsLeft(item.endsAt, now)}
            srText={(seconds) => t("secondsLeft", { seconds })}
          />
        ) : (
          result
        )}
      </dd>
    </div>
  );
}
