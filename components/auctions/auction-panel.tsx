"use client";
import { useMeId } from "@/components/shell/use-me";
import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { minNextBid, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { formatMajor, parseMajor } from "@/lib/commerce/money";
import { formatPrice } from "@/lib/format";
import { useLiveRoom } from "@/components/live/live-room-provider";
import { useClock } from "@/components/products/use-clock";
import { Button } from "@/components/ui/button";
import { AuctionStatus } from "@/components/auctions/auction-status";
import { useRoomAuctions } from "@/components/auctions/use-room-auctions";
import { currentItem } from "@/lib/engage/live-items";
import { EngagePanel } from "@/components/engage/engage-panel";

type TFeedback = { tone: "ok" | "error"; text: string } | null;

/**
 * The viewer's auction card: the running auction (or the one that just ended) with its clock, leader and a
 * bid form whose default is the lowest bid the auction accepts. Nothing renders while no auction ran lately.
 * Bids go over the page's chat connection (`auction:bid`), so they reach the slave the viewer is on.
 */
export function AuctionPanel({ roomId, meId: serverMeId }: { roomId: string; meId: string | null }) {
  const meId = useMeId(serverMeId);
  const t = useTranslations("auctions");
  const locale = useLocale();
  const now = useClock();
  const { items, merge } = useRoomAuctions(roomId);
  const auction = currentItem(items, now);
  if (!auction) return null;
  const won = auction.status === "ENDED" && auction.leader?.id === meId && auction.orderId;
  return (
    <EngagePanel
      kind="auction"
      status={<AuctionStatus auction={auction} now={now} meId={meId} />}
      item={auction}
      join={meId ? <BidForm key={auction.id} auction={auction} merge={merge} locale={locale} /> : null}
      signInLabel={t("signInToBid")}
      prize={won ? { href: "/orders", label: t("payNow") } : null}
    />
  );
}

function BidForm({
  auction,
  merge,
  locale,
}: {
  auction: TAuctionView;
  merge: (list: TAuctionView[]) => void;
  locale: string;
}) {
  const t = useTranslations("auctions");
  const inputId = useId();
  const hintId = useId();
  const min = minNextBid(auction);
  // null = follow the lowest acceptable bid as it rises; a string = what the viewer typed.
  const [typed, setTyped] = useState<string | null>(null);
  const amount = typed ?? formatMajor(min, auction.currency);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const room = useLiveRoom();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const minor = parseMajor(amount, auction.currency);
    if (minor === null || minor < 1) return setFeedback({ tone: "error", text: t("errors.INVALID") });
    if (minor < min)
      return setFeedback({
        tone: "error",
        text: t("errors.BID_TOO_LOW", { price: formatPrice(min, auction.currency, locale) }),
      });
    setBusy(true);
    const ack = await room.bid(auction.id, minor);
    setBusy(false);
    if (ack.ok) {
      merge([ack.auction]);
      setTyped(null);
      setFeedback({
        tone: "ok",
        text: t("bidPlaced", { price: formatPrice(minor, auction.currency, locale) }),
      });
      return;
    }
    if (ack.error.auction) merge([ack.error.auction]);
    setTyped(null);
    const floor = ack.error.minBidMinor ?? min;
    const code = ack.error.code;
    const known = [
      "BID_TOO_LOW",
      "AUCTION_ENDED",
      "RATE_LIMITED",
      "BANNED",
      "UNAUTHENTICATED",
      "NOT_JOINED",
      "UNAVAILABLE",
    ] as const;
    const text = (known as readonly string[]).includes(code)
      ? t(`errors.${code as (typeof known)[number]}`, { price: formatPrice(floor, auction.currency, locale) })
      : ack.error.message;
    setFeedback({ tone: "error", text });
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-3 flex flex-col gap-2" noValidate>
      <label htmlFor={inputId} className="text-sm font-semibold text-zinc-800">
        {t("yourBid")}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={hintId}
          value={amount}
          onChange={(e) => setTyped(e.target.value)}
          className="focus:border-brand-700 focus-visible:ring-brand-700 h-11 min-w-0 flex-1 rounded-lg border border-zinc-300 px-3 text-base tabular-nums focus:outline-none focus-visible:ring-2"
        />
        <Button type="submit" disabled={busy} variant="live" size="lg">
          {t("bid")}
        </Button>
      </div>
      <p id={hintId} className="text-xs text-zinc-600">
        {t("minimumHint", {
          price: formatPrice(min, auction.currency, locale),
          step: formatPrice(auction.minIncrementMinor, auction.currency, locale),
        })}
      </p>
      <p
        role={feedback?.tone === "error" ? "alert" : "status"}
        className={
          feedback?.tone === "error"
            ? "text-sm font-semibold text-red-700"
            : "text-sm font-semibold text-emerald-800"
        }
      >
        {feedback?.text ?? ""}
      </p>
    </form>
  );
}
