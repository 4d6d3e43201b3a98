"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { GIVEAWAY_ENTRY, type TGiveawayEntry, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { cancelGiveaway, startGiveaway } from "@/lib/giveaways/client";
import { CommerceApiError } from "@/lib/commerce/client";
import { useClock } from "@/components/products/use-clock";
import { CancelWithReason } from "@/components/engage/engage-pieces";
import { EngageConsole, StartButton } from "@/components/engage/engage-console";
import {
  DurationField,
  FieldError,
  ProductField,
  type TEngageProduct,
} from "@/components/engage/engage-fields";
import { GiveawayStatus } from "@/components/giveaways/giveaway-status";
import { useRoomGiveaways } from "@/components/giveaways/use-room-giveaways";

/**
 * The console's giveaways: start one (product, duration, who may enter), follow its entrant count and clock,
 * then the winner; the show's earlier giveaways with their results. Admins may cancel a running one with a
 * reason (audit log). Live state rides the staff chat panel's connection, like the rest of the console.
 */
export function GiveawayConsole({
  roomId,
  products,
  canCancel,
}: {
  roomId: string;
  products: TEngageProduct[];
  canCancel: boolean;
}) {
  const t = useTranslations("giveaways");
  const now = useClock();
  const { giveaways, loaded, loadError, merge } = useRoomGiveaways(roomId);
  const running = giveaways.find((g) => g.status === "RUNNING") ?? null;
  const shown = running ?? giveaways[0] ?? null;
  const earlier = giveaways.filter((g) => g.id !== shown?.id);

  return (
    <EngageConsole
      id="giveaway"
      heading={t("consoleHeading")}
      loadFailed={loadError ? t("loadFailed") : null}
      start={
        running ? null : (
          <StartForm
            roomId={roomId}
            products={products.filter((p) => !p.archived)}
            onStarted={(g) => merge([g])}
          />
        )
      }
      current={
        shown ? (
          <>
            <GiveawayStatus giveaway={shown} now={now} meId={null} />
            {shown.status === "RUNNING" && canCancel ? (
              <CancelWithReason
                label={t("cancelReason")}
                button={t("cancel")}
                genericError={t("errors.generic")}
                cancel={async (reason) => merge([(await cancelGiveaway(roomId, shown.id, reason)).giveaway])}
              />
            ) : null}
          </>
        ) : null
      }
      empty={loaded && !loadError ? t("noneYet") : null}
      earlier={
        earlier.length > 0 ? { heading: t("earlier"), list: <EarlierGiveaways list={earlier} /> } : null
      }
    />
  );
}

function EarlierGiveaways({ list }: { list: TGiveawayView[] }) {
  const t = useTranslations("giveaways");
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="earlier-giveaways">
      {list.map((g) => (
        <li key={g.id} className="flex justify-between gap-3">
          <span className="min-w-0 truncate">{g.productName}</span>
          <span className="shrink-0 text-zinc-700">
            {g.status === "ENDED"
              ? g.winner
                ? t("wonBy", { name: g.winner.name })
                : t("endedNoEntries")
              : t(`status.${g.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function StartForm({
  roomId,
  products,
  onStarted,
}: {
  roomId: string;
  products: TEngageProduct[];
  onStarted: (g: TGiveawayView) => void;
}) {
  const t = useTranslations("giveaways");
  const [productId, setProductId] = useState(products.find((p) => p.stock > 0)?.id ?? "");
  const [duration, setDuration] = useState(60);
  const [entry, setEntry] = useState<TGiveawayEntry>("ANY");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (products.length === 0) return <p className="text-sm text-zinc-600">{t("noProducts")}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (productId === "") return setErrors({ productId: t("chooseProduct") });
    setBusy(true);
    try {
      onStarted((await startGiveaway(roomId, { productId, durationSeconds: duration, entry })).giveaway);
      setErrors({});
    } catch (err) {
      const e = err instanceof CommerceApiError ? err : null;
      setErrors({ ...(e?.fields ?? {}), _: e?.message ?? t("errors.generic") });
    } finally {
      setBusy(false);
    }
  }

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
      <DurationField
        label={t("duration")}
        format={(sec) => (sec < 60 ? t("seconds", { count: sec }) : t("minutes", { count: sec / 60 }))}
        value={duration}
        onChange={setDuration}
        error={errors.durationSeconds}
      />
      <fieldset aria-describedby={errors.entry ? "giveaway-entry-error" : undefined}>
        <legend className="mb-1 text-sm font-semibold text-zinc-800">{t("who")}</legend>
        {GIVEAWAY_ENTRY.map((value) => (
          <label key={value} className="flex items-center gap-2 py-0.5 text-sm text-zinc-800">
            <input
              type="radio"
              name="giveaway-entry"
              value={value}
              checked={entry === value}
              onChange={() => setEntry(value)}
              className="accent-brand-700 size-4"
            />
            {t(`whoOptions.${value}`)}
          </label>
        ))}
        <FieldError id="giveaway-entry-error" text={errors.entry} />
      </fieldset>
      <StartButton label={t("start")} busy={busy} error={errors._} className="sm:col-span-2" />
    </form>
  );
}
