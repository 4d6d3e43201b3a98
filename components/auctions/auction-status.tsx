"use client";
import { useLocale, useTranslations } from "next-intl";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { formatPrice } from "@/lib/format";
import { ClockCell, EngageStatusPill } from "@/components/engage/engage-pieces";

/**
 * One auction's state as everyone sees it: product, leading bid and bidder, and the clock (or the result).
 * `meId` turns "Alex leads" into "You lead".
 */
export function AuctionStatus({
  auction,
  now,
  meId,
}: {
  auction: TAuctionView;
  now: number | null;
  meId: string | null;
}) {
  const t = useTranslations("auctions");
  const locale = useLocale();
  const price = (minor: number) => formatPrice(minor, auction.currency, locale);
  const mine = meId !== null && auction.leader?.id === meId;
  const running = auction.status === "RUNNING";

  return (
    <div
      className="flex flex-col gap-2"
      data-testid="auction-status"
      data-status={auction.status}
      data-bid-count={auction.bidCount}
    >
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 font-bold text-zinc-950">{auction.productName}</p>
        <EngageStatusPill status={auction.status} label={t(`status.${auction.status}`)} />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-zinc-600">
            {auction.highestBidMinor === null ? t("startingAt") : t("currentBid")}
          </dt>
          <dd className="text-2xl font-black text-zinc-950 tabular-nums" data-testid="auction-price">
            {price(auction.highestBidMinor ?? auction.startPriceMinor)}
          </dd>
        </div>
        <ClockCell
          namespace="auctions"
          item={auction}
          now={now}
          size="text-2xl"
          result={
            <span className="text-base">
              {t(
                `outcome.${auction.status === "CANCELLED" ? "cancelled" : auction.leader ? "sold" : "unsold"}`,
              )}
            </span>
          }
        />
      </dl>
      <p className="text-sm text-zinc-700" data-testid="auction-leader">
        {auction.leader === null
          ? running
            ? t("noBidsYet")
            : auction.status === "ENDED"
              ? t("endedNoBids")
              : ""
          : running
            ? mine
              ? t("youLead")
              : t("leads", { name: auction.leader.name })
            : auction.status === "ENDED"
              ? mine
                ? t("youWon", { price: price(auction.highestBidMinor ?? 0) })
                : t("soldTo", { name: auction.leader.name, price: price(auction.highestBidMinor ?? 0) })
              : ""}
      </p>
      {auction.status === "CANCELLED" && auction.cancelReason ? (
        <p className="text-sm text-zinc-700">{t("cancelledBecause", { reason: auction.cancelReason })}</p>
      ) : null}
    </div>
  );
}
