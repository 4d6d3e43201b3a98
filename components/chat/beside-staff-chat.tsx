import type { ReactNode } from "react";
import { ChatPanel } from "@/components/chat/chat-panel";
import { LiveRoomProvider } from "@/components/live/live-room-provider";

/**
 * A show's console body (the admin's and the seller's): its tools in a column on the left, the staff chat
 * panel on the right, kept in view (sticky) on large screens while the tools scroll. The tools and the
 * panel share the room's one connection (the page's LiveRoomProvider, or one of their own).
 */
export function BesideStaffChat({ roomId, children }: { roomId: string; children: ReactNode }) {
  return (
    <LiveRoomProvider roomId={roomId}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="flex min-w-0 flex-col gap-6">{children}</div>
        <div className="h-[640px] lg:sticky lg:top-22 lg:h-[calc(100dvh-7.5rem)]">
          <ChatPanel roomId={roomId} mode="staff" />
        </div>
      </div>
    </LiveRoomProvider>
  );
}
