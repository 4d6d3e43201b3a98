"use client";
import { useTranslations } from "next-intl";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { ClockCell, EngageStatusPill } from "@/components/engage/engage-pieces";

/**
 * One giveaway as everyone sees it: the prize, who may enter, the live entrant count and the clock, then
 * the winner (or why there is none). `meId` turns "Mina won!" into "You won!".
 */
export function GiveawayStatus({
  giveaway,
  now,
  meId,
}: {
  giveaway: TGiveawayView;
  now: number | null;
  meId: string | null;
}) {
  const t = useTranslations("giveaways");
  const running = giveaway.status === "RUNNING";
  const outcome = giveaway.status === "CANCELLED" ? "cancelled" : giveaway.winner ? "drawn" : "none";
  return (
    <div
      className="flex flex-col gap-2"
      data-testid="giveaway-status"
      data-status={giveaway.status}
      data-entrants={giveaway.entrants}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-bold text-zinc-950">{giveaway.productName}</p>
          <p className="text-xs font-semibold text-emerald-800">{t("prize")}</p>
        </div>
        <EngageStatusPill status={giveaway.status} label={t(`status.${giveaway.status}`)} />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-zinc-600">{t("entrants")}</dt>
          <dd className="text-lg font-black text-zinc-950 tabular-nums" data-testid="giveaway-entrants">
            {t("entrantCount", { count: giveaway.entrants })}
          </dd>
        </div>
        <ClockCell
          namespace="giveaways"
          item={giveaway}
          now={now}
          size="text-lg"
          result={t(`outcome.${outcome}`)}
        />
      </dl>
      {running ? <p className="text-sm text-zinc-700">{t(`entry.${giveaway.entry}`)}</p> : null}
      {/* Present from the start (empty while running), so screen readers announce the draw when it lands. */}
      <p
        aria-live="polite"
        className="text-base font-bold text-zinc-950 empty:hidden"
        data-testid="giveaway-winner"
      >
        {giveaway.status !== "ENDED"
          ? ""
          : giveaway.winner === null
            ? t("noEntries")
            : giveaway.winner.id === meId
              ? t("youWon")
              : t("winner", { name: giveaway.winner.name })}
      </p>
      {giveaway.status === "CANCELLED" && giveaway.cancelReason ? (
        <p className="text-sm text-zinc-700">{t("cancelledBecause", { reason: giveaway.cancelReason })}</p>
      ) : null}
    </div>
  );
}
