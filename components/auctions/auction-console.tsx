"use client";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { cancelAuction, startAuction } from "@/lib/auctions/client";
import { CommerceApiError } from "@/lib/commerce/client";
import { parseMajor } from "@/lib/commerce/money";
import { useClock } from "@/components/products/use-clock";
import { AuctionStatus } from "@/components/auctions/auction-status";
import { useRoomAuctions } from "@/components/auctions/use-room-auctions";
import { AuctionResults, BidHistory } from "@/components/auctions/auction-history";
import { CancelWithReason, fieldStyles } from "@/components/engage/engage-pieces";
import { EngageConsole, StartButton } from "@/components/engage/engage-console";
import { DurationField, ProductField, type TEngageProduct } from "@/components/engage/engage-fields";

/**
 * The console's auctions: start one (product, start price, increment, duration), follow it live with its
 * bid history, and the show's earlier auctions with their results. Admins may cancel a running one with a
 * reason (audit log). Live state rides the staff chat panel's connection, like the rest of the console.
 */
export function AuctionConsole({
  roomId,
  products,
  canCancel,
}: {
  roomId: string;
  products: TEngageProduct[];
  canCancel: boolean;
}) {
  const t = useTranslations("auctions");
  const now = useClock();
  const { auctions, loaded, loadError, merge } = useRoomAuctions(roomId);
  const running = auctions.find((a) => a.status === "RUNNING") ?? null;
  const shown = running ?? auctions[0] ?? null;

  return (
    <EngageConsole
      id="auction"
      heading={t("consoleHeading")}
      loadFailed={loadError ? t("loadFailed") : null}
      start={
        running ? null : (
          <StartForm
            roomId={roomId}
            products={products.filter((p) => !p.archived)}
            onStarted={(a) => merge([a])}
          />
        )
      }
      current={
        shown ? (
          <>
            <AuctionStatus auction={shown} now={now} meId={null} />
            {shown.status === "RUNNING" && canCancel ? (
              <CancelWithReason
                label={t("cancelReason")}
                button={t("cancel")}
                genericError={t("errors.generic")}
                cancel={async (reason) => merge([(await cancelAuction(roomId, shown.id, reason)).auction])}
              />
            ) : null}
            <BidHistory auction={shown} />
          </>
        ) : null
      }
      empty={loaded && !loadError ? t("noneYet") : null}
      earlier={
        auctions.length > 1
          ? {
              heading: t("earlier"),
              list: <AuctionResults auctions={auctions.filter((a) => a.id !== shown?.id)} />,
            }
          : null
      }
    />
  );
}

function StartForm({
  roomId,
  products,
  onStarted,
}: {
  roomId: string;
  products: TEngageProduct[];
  onStarted: (a: TAuctionView) => void;
}) {
  const t = useTranslations("auctions");
  const ids = { start: useId(), step: useId() };
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const product = products.find((p) => p.id === productId) ?? null;
  const currency = product?.currency ?? "KRW";
  const [start, setStart] = useState("");
  const [step, setStep] = useState("");
  const [duration, setDuration] = useState(60);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (products.length === 0) return <p className="text-sm text-zinc-600">{t("noProducts")}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startPriceMinor = parseMajor(start, currency);
    const minIncrementMinor = parseMajor(step, currency);
    const local: Record<string, string> = {};
    if (startPriceMinor === null || startPriceMinor < 1) local.startPriceMinor = t("errors.price");
    if (minIncrementMinor === null || minIncrementMinor < 1) local.minIncrementMinor = t("errors.price");
    setErrors(local);
    if (Object.keys(local).length > 0 || startPriceMinor === null || minIncrementMinor === null) return;
    setBusy(true);
    try {
      const { auction } = await startAuction(roomId, {
        productId,
        startPriceMinor,
        minIncrementMinor,
        durationSeconds: duration,
      });
      onStarted(auction);
      setStart("");
      setStep("");
    } catch (err) {
      const e = err instanceof CommerceApiError ? err : null;
      setErrors({ ...(e?.fields ?? {}), _: e?.message ?? t("errors.generic") });
    } finally {
      setBusy(false);
    }
  }

  const error = (key: string) =>
    errors[key] ? (
      <p id={`${key}-error`} className="mt-1 text-xs font-semibold text-red-700">
        {errors[key]}
      </p>
    ) : null;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-3 sm:grid-cols-2">
      <ProductField
        label={t("product")}
        soldOutLabel={(name) => t("productSoldOut", { name })}
        products={products}
        value={productId}
        onChange={setProductId}
        error={errors.productId}
      />
      <div>
        <label htmlFor={ids.start} className="mb-1 block text-sm font-semibold text-zinc-800">
          {t("startPrice", { currency })}
        </label>
        <input
          id={ids.start}
          inputMode="decimal"
          value={start}
          onChange={(e) => setStart(e.target.value)}
          aria-invalid={!!errors.startPriceMinor}
          aria-describedby={errors.startPriceMinor ? "startPriceMinor-error" : undefined}
          className={fieldStyles}
        />
        {error("startPriceMinor")}
      </div>
      <div>
        <label htmlFor={ids.step} className="mb-1 block text-sm font-semibold text-zinc-800">
          {t("increment", { currency })}
        </label>
        <input
          id={ids.step}
          inputMode="decimal"
          value={step}
          onChange={(e) => setStep(e.target.value)}
          aria-invalid={!!errors.minIncrementMinor}
          aria-describedby={errors.minIncrementMinor ? "minIncrementMinor-error" : undefined}
          className={fieldStyles}
        />
        {error("minIncrementMinor")}
      </div>
      <DurationField
        label={t("duration")}
        format={(sec) => (sec < 60 ? t("seconds", { count: sec }) : t("minutes", { count: sec / 60 }))}
        value={duration}
        onChange={setDuration}
        error={errors.durationSeconds}
      />
      <StartButton label={t("start")} busy={busy} error={errors._} />
    </form>
  );
}
