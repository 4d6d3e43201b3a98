"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useBroadcast, type TBroadcast } from "@/components/studio/use-broadcast";

const BroadcastContext = createContext<TBroadcast | null>(null);

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
  return <BroadcastContext.Provider value={broadcast}>{children}</BroadcastContext.Provider>;
}

export function useBroadcastContext(): TBroadcast {
  const value = useContext(BroadcastContext);
  if (!value) throw new Error("useBroadcastContext outside BroadcastProvider");
  return value;
}
