"use client";
import { useMeId } from "@/components/shell/use-me";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { useLiveRoom } from "@/components/live/live-room-provider";
import { useClock } from "@/components/products/use-clock";
import { Button } from "@/components/ui/button";
import { currentItem } from "@/lib/engage/live-items";
import { EngagePanel } from "@/components/engage/engage-panel";
import { GiveawayStatus } from "@/components/giveaways/giveaway-status";
import { useRoomGiveaways } from "@/components/giveaways/use-room-giveaways";

/** Ack codes with a sentence a viewer can act on; anything else reads "Something went wrong". */
const KNOWN_ERRORS = [
  "NOT_ELIGIBLE",
  "GIVEAWAY_ENDED",
  "RATE_LIMITED",
  "BANNED",
  "UNAUTHENTICATED",
  "NOT_JOINED",
  "UNAVAILABLE",
  "INVALID",
] as const;
type TKnownError = (typeof KNOWN_ERRORS)[number];
const isKnown = (code: string): code is TKnownError => (KNOWN_ERRORS as readonly string[]).includes(code);

/**
 * The viewer's giveaway card: the running giveaway (or the one drawn moments ago) with its entrant count and
 * clock, an Enter button (a sign-in link for guests), then the winner, with a link to the free order for
 * them. Nothing renders while no giveaway ran lately. Entries go over the page's chat connection
 * (`giveaway:enter`), so they reach the slave the viewer is on.
 */
export function GiveawayPanel({ roomId, meId: serverMeId }: { roomId: string; meId: string | null }) {
  const meId = useMeId(serverMeId);
  const t = useTranslations("giveaways");
  const now = useClock();
  const { items, entered, markEntered, merge } = useRoomGiveaways(roomId);
  const giveaway = currentItem(items, now);
  if (!giveaway) return null;
  const won = giveaway.status === "ENDED" && meId !== null && giveaway.winner?.id === meId;
  return (
    <EngagePanel
      kind="giveaway"
      status={<GiveawayStatus giveaway={giveaway} now={now} meId={meId} />}
      item={giveaway}
      join={
        meId ? (
          <EnterButton
            key={giveaway.id}
            giveaway={giveaway}
            entered={entered.has(giveaway.id)}
            onEntered={() => markEntered(giveaway.id)}
            onEnded={(g) => merge([g])}
          />
        ) : null
      }
      signInLabel={t("signInToEnter")}
      prize={
        won && giveaway.orderId ? { href: `/orders#order-${giveaway.orderId}`, label: t("seeOrder") } : null
      }
    />
  );
}

function EnterButton({
  giveaway,
  entered,
  onEntered,
  onEnded,
}: {
  giveaway: TGiveawayView;
  entered: boolean;
  onEntered: () => void;
  onEnded: (g: TGiveawayView) => void;
}) {
  const t = useTranslations("giveaways");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The button goes once entered: keyboard focus moves to the sentence that replaces it, not to the page top.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const room = useLiveRoom();

  async function enter() {
    setBusy(true);
    const ack = await room.enter(giveaway.id);
    setBusy(false);
    if (ack.ok) {
      setError(null);
      onEntered();
      return window.requestAnimationFrame(() => statusRef.current?.focus());
    }
    if (ack.error.giveaway) onEnded(ack.error.giveaway);
    setError(isKnown(ack.error.code) ? t(`errors.${ack.error.code}`) : t("errors.generic"));
  }

  return (
    <div className="mt-3 flex flex-col gap-2">
      {entered ? null : (
        <Button disabled={busy} onClick={() => void enter()} variant="primary" size="lg" className="w-full">
          {t("enter")}
        </Button>
      )}
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className="text-sm font-semibold text-emerald-800 focus:outline-none"
      >
        {entered ? t("entered") : ""}
      </p>
      {error && !entered ? (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
