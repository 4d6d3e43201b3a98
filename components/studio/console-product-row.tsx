"use client";
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatCountdown, formatPrice } from "@/lib/format";
import { formatMajor, minorDigits, parseMajor } from "@/lib/commerce/money";
import { ZStartDealRequest, type TDealView, type TStartDealRequest } from "@/lib/commerce/show-schemas";
import { ApiRequestError } from "@/lib/api/request";
import { startDeal, stopDeal } from "@/lib/commerce/client";
import { useClock } from "@/components/products/use-clock";
import { ProductThumb } from "@/components/ui/product-thumb";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ProductSummary } from "@/components/studio/product-summary";
import { FormField } from "@/components/ui/form-field";
import type { TStudioShow } from "@/server/rooms/get-studio-show";

/** A product of the show as the studio reads it. */
export type TConsoleProduct = TStudioShow["products"][number];

const DURATIONS = [30, 60, 120, 300, 600, 900, 1800, 3600];

/** One product in the console: stock, pin/unpin, and its flash deal (start form, countdown, end). */
export function ConsoleProductRow({
  roomId,
  product,
  position,
  pinned,
  deal,
  pinBusy,
  onTogglePin,
  onDeal,
  onError,
}: {
  roomId: string;
  product: TConsoleProduct;
  position: number;
  pinned: boolean;
  deal: TDealView | null;
  pinBusy: boolean;
  onTogglePin: () => void;
  onDeal: (deal: TDealView | null) => void;
  onError: (text: string) => void;
}) {
  const t = useTranslations("commerce.studio");
  const locale = useLocale();
  const now = useClock();
  const [formOpen, setFormOpen] = useState(false);
  // The deal list is the live room's (live-selling.tsx, fed by its socket): the answer goes to it.
  const stop = useMutation({
    mutationFn: () => stopDeal(roomId, product.id),
    onSuccess: () => onDeal(null),
    onError: (err) => onError(err.message),
  });
  const ending = stop.isPending;
  const left = deal && now !== null ? Math.ceil((new Date(deal.endsAt).getTime() - now) / 1000) : null;
  const running = deal !== null && (left === null || left > 0);

  return (
    <li
      data-product-id={product.id}
      data-pinned={pinned || undefined}
      className={cx(
        "rounded-xl border bg-white p-3 shadow-sm",
        pinned ? "border-brand-500 ring-brand-200 ring-2" : "border-zinc-200",
        product.archived && "opacity-70",
      )}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-5 text-center text-sm font-bold text-zinc-600">{position}</span>
        <ProductThumb src={product.imageUrl} className="size-14 shrink-0 rounded-lg" />
        <div className="min-w-0 flex-1">
          <ProductSummary
            product={product}
            nameClassName="text-sm"
            badge={pinned ? { label: t("pinned"), tone: "brand" } : null}
            stockLabel={product.archived ? t("archived") : undefined}
            stockTestId="console-stock"
          />
        </div>
        {!product.archived && (
          <div className="flex shrink-0 flex-wrap gap-2">
            <Button
              onClick={onTogglePin}
              disabled={pinBusy}
              aria-pressed={pinned}
              aria-label={
                pinned ? t("unpinLabel", { name: product.name }) : t("pinLabel", { name: product.name })
              }
              variant={pinned ? "primary" : "secondary"}
              size="sm"
            >
              {pinned ? t("unpin") : t("pin")}
            </Button>
            {!running && (
              <Button
                onClick={() => setFormOpen((v) => !v)}
                aria-expanded={formOpen}
                variant="secondary"
                size="sm"
              >
                {t("dealButton")}
              </Button>
            )}
          </div>
        )}
      </div>

      {running && deal && (
        <div
          className="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-lg bg-rose-50 px-3 py-2"
          data-testid="console-deal"
        >
          <p className="text-sm font-bold text-rose-900 tabular-nums">
            {t("dealRunning", {
              price: formatPrice(deal.dealPriceMinor, deal.currency, locale),
              time: left === null ? "…" : formatCountdown(left),
            })}
            {deal.limitPerBuyer && (
              <span className="ml-2 font-semibold text-rose-800">
                · {t("dealLimit", { count: deal.limitPerBuyer })}
              </span>
            )}
          </p>
          <Button onClick={() => stop.mutate()} disabled={ending} variant="danger" size="sm">
            {t("endDeal")}
          </Button>
        </div>
      )}

      {formOpen && !running && (
        <DealForm
          roomId={roomId}
          product={product}
          onCancel={() => setFormOpen(false)}
          onStarted={(d) => {
            setFormOpen(false);
            onDeal(d);
          }}
        />
      )}
    </li>
  );
}

function DealForm({
  roomId,
  product,
  onCancel,
  onStarted,
}: {
  roomId: string;
  product: TConsoleProduct;
  onCancel: () => void;
  onStarted: (deal: TDealView) => void;
}) {
  const t = useTranslations("commerce.studio");
  const locale = useLocale();
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: (input: TStartDealRequest) => startDeal(roomId, input),
    onSuccess: ({ deal }) => onStarted(deal),
    onError: (err) =>
      setErrors(
        err instanceof ApiRequestError ? { ...err.fields, form: err.message } : { form: String(err) },
      ),
  });
  const busy = start.isPending;
  const suggested = Math.max(
    1,
    Math.round((product.priceMinor * 0.8) / 10 ** minorDigits(product.currency)) *
      10 ** minorDigits(product.currency),
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v.trim() : "";
    };
    const price = parseMajor(text("dealPrice"), product.currency);
    const limit = text("limit");
    const next: Record<string, string> = {};
    if (price === null) next.dealPriceMinor = t("dealPrice", { currency: product.currency });
    else if (price >= product.priceMinor)
      next.dealPriceMinor = t("regularPrice", {
        price: formatPrice(product.priceMinor, product.currency, locale),
      });
    const parsed = ZStartDealRequest.safeParse({
      productId: product.id,
      dealPriceMinor: price ?? 0,
      durationSeconds: Number(text("duration")),
      limitPerBuyer: limit ? Number(limit) : null,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) return;
    start.mutate(parsed.data);
  }

  const input =
    "h-9 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-950 shadow-sm aria-invalid:border-rose-600";
  /** What every field shares: the small look in a column, and its error under the request's field name. */
  const field = (name: "dealPriceMinor" | "durationSeconds" | "limitPerBuyer") => ({
    id: `${id}-${name}`,
    error: errors[name],
    look: "small" as const,
    className: "flex flex-col gap-1",
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("dealFor", { name: product.name })}
      className="mt-3 grid gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 sm:grid-cols-3"
    >
      <FormField {...field("dealPriceMinor")} label={t("dealPrice", { currency: product.currency })}>
        {(wiring) => (
          <>
            <input
              {...wiring}
              name="dealPrice"
              inputMode="decimal"
              defaultValue={formatMajor(suggested, product.currency)}
              className={input}
            />
            <p className="text-[11px] text-zinc-600">
              {t("regularPrice", { price: formatPrice(product.priceMinor, product.currency, locale) })}
            </p>
          </>
        )}
      </FormField>
      <FormField {...field("durationSeconds")} label={t("duration")}>
        {(wiring) => (
          <select {...wiring} name="duration" defaultValue="300" className={input}>
            {DURATIONS.map((s) => (
              <option key={s} value={s}>
                {s < 60 ? t("seconds", { count: s }) : t("minutes", { count: s / 60 })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField {...field("limitPerBuyer")} label={t("limit")}>
        {(wiring) => (
          <input
            {...wiring}
            name="limit"
            type="number"
            min={1}
            max={99}
            inputMode="numeric"
            className={input}
          />
        )}
      </FormField>
      {errors.form && (
        <p role="alert" className="text-sm font-semibold text-rose-800 sm:col-span-3">
          {errors.form}
        </p>
      )}
      <div className="flex justify-end gap-2 sm:col-span-3">
        <Button onClick={onCancel} variant="ghost" size="sm">
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={busy} variant="live" size="sm">
          {busy ? t("starting") : t("startDeal")}
        </Button>
      </div>
    </form>
  );
}
