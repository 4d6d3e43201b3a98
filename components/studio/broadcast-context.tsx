"use client";
import type { ReactNode } from "react";
import { requiredContext } from "@/components/ui/required-context";
import { useBroadcast, type TBroadcast } from "@/components/studio/use-broadcast";

const broadcastContext = requiredContext<TBroadcast>("useBroadcastContext", "BroadcastProvider");

/** Shares one broadcast between the console's preview panel and its Go live / End show controls. */
export function BroadcastProvider({
  roomId,
  status,
  startedAt,
  children,
}: {
  roomId: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  startedAt: string | null;
  children: ReactNode;
}) {
  const broadcast = useBroadcast(roomId, status, startedAt);
  return <broadcastContext.Provider value={broadcast}>{children}</broadcastContext.Provider>;
}

export const useBroadcastContext = broadcastContext.use;
