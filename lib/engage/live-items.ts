/** What the engagement lists (auctions, giveaways) have in common, and which one a viewer's card shows. */

/** An ended auction or giveaway stays on the viewer's card this long ("Sold to Alex", "Mina won!"). */
export const SHOW_ENDED_FOR_MS = 120_000;

export type TLiveItem = {
  id: string;
  roomId: string;
  status: "RUNNING" | "ENDED" | "CANCELLED";
  endsAt: string;
  endedAt: string | null;
  createdAt: string;
};

/** The running one, else the latest (list newest first) if it ended less than SHOW_ENDED_FOR_MS ago. */
export function currentItem<T extends TLiveItem>(list: T[], now: number | null): T | null {
  const running = list.find((a) => a.status === "RUNNING");
  if (running) return running;
  const latest = list[0];
  if (!latest || now === null) return null;
  return now - Date.parse(latest.endedAt ?? latest.endsAt) < SHOW_ENDED_FOR_MS ? latest : null;
}
