import type { RoomStatus } from "@prisma/client";

/** What every list and page of shows says first about one: which show, and where it is in its life. */
export type TShowHead = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
};

/** The head of a show row (whatever else the row carries is left out). */
export function showHead(room: TShowHead): TShowHead {
  return {
    id: room.id,
    slug: room.slug,
    title: room.title,
    status: room.status,
    scheduledAt: room.scheduledAt,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
  };
}
