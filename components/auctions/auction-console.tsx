"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { cancelAuction, startAuction } from "@/lib/auctions/client";
import { parseMajor } from "@/lib/commerce/money";
import { AuctionStatus } from "@/components/auctions/auction-status";
import { useRoomAuctions } from "@/components/auctions/use-room-auctions";
import { AuctionResults, BidHistory } from "@/components/auctions/auction-history";
import { LiveItemConsole, type TEngageConsoleProps } from "@/components/engage/engage-console";
import { AmountField } from "@/components/engage/engage-fields";
import { StartForm, useStartForm, type TStartFormProps } from "@/components/engage/start-form";

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
      list={list}
      {...props}
      cancel={async (id, reason) => (await cancelAuction(roomId, id, reason)).auction}
      StartForm={AuctionStartForm}
      status={(shown, now) => <AuctionStatus auction={shown} now={now} meId={null} />}
      details={(shown) => <BidHistory auction={shown} />}
      earlier={(before) => <AuctionResults auctions={before} />}
    />
  );
}

function AuctionStartForm({ roomId, products, onStarted }: TStartFormProps<TAuctionView>) {
  const t = useTranslations("auctions");
  const form = useStartForm("auctions", products);
  const currency = products.find((p) => p.id === form.start.productId)?.currency ?? "KRW";
  const [start, setStart] = useState("");
  const [step, setStep] = useState("");

  async function submit() {
    const startPriceMinor = parseMajor(start, currency);
    const minIncrementMinor = parseMajor(step, currency);
    const local: Record<string, string> = {};
    if (startPriceMinor === null || startPriceMinor < 1) local.startPriceMinor = t("errors.price");
    if (minIncrementMinor === null || minIncrementMinor < 1) local.minIncrementMinor = t("errors.price");
    form.setErrors(local);
    if (Object.keys(local).length > 0 || startPriceMinor === null || minIncrementMinor === null) return;
    await form.run(async () => {
      onStarted((await startAuction(roomId, { ...form.start, startPriceMinor, minIncrementMinor })).auction);
      setStart("");
      setStep("");
    });
  }

  return (
    <StartForm form={form} submit={submit}>
      <AmountField
        label={t("startPrice", { currency })}
        value={start}
        onChange={setStart}
        error={form.errors.startPriceMinor}
      />
      <AmountField
        label={t("increment", { currency })}
        value={step}
        onChange={setStep}
        error={form.errors.minIncrementMinor}
      />
    </StartForm>
  );
}
