"use client";
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  LiveRoomStore,
  type TLiveRoomInitial,
  type TLiveRoomSnapshot,
} from "@/components/live/live-room-store";

const liveRoomContext = createContext<LiveRoomStore | null>(null);

/**
 * One live room for the panels under it (the viewer page, the studio and admin consoles): one chat
 * connection, and the room's status, products, pin, likes, chat and engagement updates as that socket
 * pushes them. Inside a provider of the same room it adds nothing, so a console body can ask for one
 * whether or not its page already has it.
 */
export function LiveRoomProvider({
  roomId,
  initial,
  children,
}: {
  roomId: string;
  /** What the server rendered with: the first paint, until the socket or a re-read says otherwise. */
  initial?: TLiveRoomInitial;
  children: ReactNode;
}) {
  const outer = useContext(liveRoomContext);
  if (outer?.roomId === roomId) return <>{children}</>;
  return (
    <OwnLiveRoom key={roomId} roomId={roomId} initial={initial}>
      {children}
    </OwnLiveRoom>
  );
}

function OwnLiveRoom({
  roomId,
  initial,
  children,
}: {
  roomId: string;
  initial: TLiveRoomInitial | undefined;
  children: ReactNode;
}) {
  const [store] = useState(() => new LiveRoomStore(roomId, initial));
  useEffect(() => store.start(), [store]);
  return <liveRoomContext.Provider value={store}>{children}</liveRoomContext.Provider>;
}

/** The room's store, for its actions (send, bid, enter, tap, pin). */
export function useLiveRoom(): LiveRoomStore {
  const store = useContext(liveRoomContext);
  if (!store) throw new Error("useLiveRoom() needs a <LiveRoomProvider> around it");
  return store;
}

/**
 * One slice of the room: the component renders again only when the selected value changes. `select` must
 * return a slice of the snapshot (or a primitive), not a new object; derive further with useMemo.
 */
export function useRoomSlice<T>(select: (s: TLiveRoomSnapshot) => T): T {
  const store = useLiveRoom();
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getSnapshot()),
    () => select(store.getSnapshot()),
  );
}
