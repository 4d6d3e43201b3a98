"use client";
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { auctionQueries } from "@/lib/auctions/queries";
import { formatPrice } from "@/lib/format";
import { EngageStatusPill } from "@/components/engage/engage-pieces";
import { EngageSection } from "@/components/engage/engage-section";
import { useRoomAuctions } from "@/components/auctions/use-room-auctions";

/** During a bidding war, re-reads are coalesced to one per second. */
const REREAD_MS = 1000;

/**
 * An auction's accepted bids, newest first, with bidder and time; re-read whenever its bid count moves (at
 * most once a second), so the console follows a bidding war.
 */
export function BidHistory({ auction }: { auction: TAuctionView }) {
  const t = useTranslations("auctions");
  const locale = useLocale();
  const format = useFormatter();
  // The first read is immediate; a moved bid count is read a second later (the last count by then).
  const [bidCount, setBidCount] = useState(auction.bidCount);
  useEffect(() => {
    const timer = window.setTimeout(() => setBidCount(auction.bidCount), REREAD_MS);
    return () => window.clearTimeout(timer);
  }, [auction.bidCount]);
  const query = useQuery({
    ...auctionQueries.bids(auction.roomId, auction.id, bidCount),
    placeholderData: keepPreviousData,
  });
  const bids = query.data ?? null;
  const failed = query.isError;
  const label = t("history", { count: auction.bidCount });
  return (
    <div>
      <p className="mb-2 text-sm font-bold text-zinc-900">{label}</p>
      {failed ? (
        <p role="alert" className="text-sm text-red-700">
          {t("loadFailed")}
        </p>
      ) : bids === null ? (
        <p className="text-sm text-zinc-600">{t("loadingBids")}</p>
      ) : bids.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("noBids")}</p>
      ) : (
        <ol
          className="max-h-56 overflow-y-auto text-sm"
          data-testid="bid-history"
          tabIndex={0}
          aria-label={label}
        >
          {[...bids].reverse().map((b) => (
            <li
              key={b.seq}
              className="flex items-baseline justify-between gap-3 border-b border-zinc-100 py-1"
            >
              <span className="min-w-0 truncate">
                <span className="text-zinc-500 tabular-nums">#{b.seq}</span> {b.bidder.name}
              </span>
              <span className="flex shrink-0 items-baseline gap-2">
                <span className="font-semibold tabular-nums">
                  {formatPrice(b.amountMinor, auction.currency, locale)}
                </span>
                <time dateTime={b.createdAt} className="text-xs text-zinc-600 tabular-nums">
                  {format.dateTime(new Date(b.createdAt), { timeStyle: "medium" })}
                </time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** One line per auction with its result; opening one shows its bids (read only when opened). */
export function AuctionResults({ auctions }: { auctions: TAuctionView[] }) {
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="auction-results">
      {auctions.map((a) => (
        <AuctionResult key={a.id} auction={a} />
      ))}
    </ul>
  );
}

function AuctionResult({ auction: a }: { auction: TAuctionView }) {
  const t = useTranslations("auctions");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const result =
    a.status === "CANCELLED"
      ? a.cancelReason
        ? t("cancelledBecause", { reason: a.cancelReason })
        : t("status.CANCELLED")
      : a.status === "RUNNING"
        ? t("status.RUNNING")
        : a.leader && a.highestBidMinor !== null
          ? t("soldTo", { name: a.leader.name, price: formatPrice(a.highestBidMinor, a.currency, locale) })
          : t("endedNoBids");
  return (
    <li className="rounded-lg border border-zinc-200" data-auction-id={a.id}>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="focus-visible:ring-brand-700 flex cursor-pointer items-center justify-between gap-3 rounded-lg px-3 py-2 focus:outline-none focus-visible:ring-2">
          <span className="min-w-0">
            <span className="block truncate font-semibold text-zinc-900">{a.productName}</span>
            <span className="block text-zinc-700">{result}</span>
          </span>
          <EngageStatusPill status={a.status} label={t(`status.${a.status}`)} />
        </summary>
        {open ? (
          <div className="border-t border-zinc-200 px-3 py-2">
            <BidHistory auction={a} />
          </div>
        ) : null}
      </details>
    </li>
  );
}

/**
 * The replay's record of the show's auctions: every auction with its result, the winner and the bids.
 * Nothing renders for a show that ran none.
 */
export function AuctionReplay({ roomId }: { roomId: string }) {
  const t = useTranslations("auctions");
  const { items, loadError } = useRoomAuctions(roomId);
  if (loadError)
    return (
      <p role="alert" className="mb-5 text-sm font-semibold text-red-700">
        {t("loadFailed")}
      </p>
    );
  if (items.length === 0) return null;
  return (
    <EngageSection
      headingId="auction-replay-heading"
      testId="auction-replay"
      heading={t("replayHeading")}
      className="mb-5 border border-zinc-200 p-4"
    >
      <AuctionResults auctions={items} />
    </EngageSection>
  );
}
