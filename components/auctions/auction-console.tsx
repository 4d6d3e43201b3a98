"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { cancelAuction, startAuction } from "@/lib/auctions/client";
import { parseMajor } from "@/lib/commerce/money";
import { AuctionStatus } from "@/components/auctions/auction-status";
import { useRoomAuctions } from "@/components/auctions/use-room-auctions";
import { AuctionResults, BidHistory } from "@/components/auctions/auction-history";
import { LiveItemConsole, StartButton, type TEngageConsoleProps } from "@/components/engage/engage-console";
import {
  AmountField,
  DurationField,
  ProductField,
  type TEngageProduct,
} from "@/components/engage/engage-fields";
import { StartFormFrame, useStartForm } from "@/components/engage/start-form";

/**
 * The console's auctions: start one (product, start price, increment, duration), follow it live with its
 * bid history, and the show's earlier auctions with their results. Admins may cancel a running one with a
 * reason (audit log). Live state rides the staff chat panel's connection, like the rest of the console.
 */
export function AuctionConsole(props: TEngageConsoleProps) {
  const { roomId } = props;
  const list = useRoomAuctions(roomId);
  return (
    <LiveItemConsole
      kind="auction"
      namespace="auctions"
      list={list}
      {...props}
      cancel={async (id, reason) => (await cancelAuction(roomId, id, reason)).auction}
      start={(products) => (
        <StartForm roomId={roomId} products={products} onStarted={(a) => list.merge([a])} />
      )}
      status={(shown, now) => <AuctionStatus auction={shown} now={now} meId={null} />}
      details={(shown) => <BidHistory auction={shown} />}
      earlier={(before) => <AuctionResults auctions={before} />}
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
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const product = products.find((p) => p.id === productId) ?? null;
  const currency = product?.currency ?? "KRW";
  const [start, setStart] = useState("");
  const [step, setStep] = useState("");
  const [duration, setDuration] = useState(60);
  const { errors, setErrors, busy, run } = useStartForm(t("errors.generic"));

  async function submit() {
    const startPriceMinor = parseMajor(start, currency);
    const minIncrementMinor = parseMajor(step, currency);
    const local: Record<string, string> = {};
    if (startPriceMinor === null || startPriceMinor < 1) local.startPriceMinor = t("errors.price");
    if (minIncrementMinor === null || minIncrementMinor < 1) local.minIncrementMinor = t("errors.price");
    setErrors(local);
    if (Object.keys(local).length > 0 || startPriceMinor === null || minIncrementMinor === null) return;
    await run(async () => {
      const { auction } = await startAuction(roomId, {
        productId,
        startPriceMinor,
        minIncrementMinor,
        durationSeconds: duration,
      });
      onStarted(auction);
      setStart("");
      setStep("");
    });
  }

  return (
    <StartFormFrame namespace="auctions" products={products} onSubmit={submit}>
      <ProductField
        namespace="auctions"
        products={products}
        value={productId}
        onChange={setProductId}
        error={errors.productId}
      />
      <AmountField
        label={t("startPrice", { currency })}
        value={start}
        onChange={setStart}
        error={errors.startPriceMinor}
      />
      <AmountField
        label={t("increment", { currency })}
        value={step}
        onChange={setStep}
        error={errors.minIncrementMinor}
      />
      <DurationField
        namespace="auctions"
        value={duration}
        onChange={setDuration}
        error={errors.durationSeconds}
      />
      <StartButton label={t("start")} busy={busy} error={errors._} />
    </StartFormFrame>
  );
}
