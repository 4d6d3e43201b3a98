import type { ReactNode } from "react";
import type { RoomStatus } from "@prisma/client";
import { StatusBadge } from "@/components/ui/status-badge";

/**
 * The card at the top of a show's console (the admin's and the seller's): its status, address and title,
 * then `children` (who sells it, when, links); `aside` (controls, a link) sits on the right from `sm` up.
 */
export function ShowHeaderCard({
  show,
  aside,
  children,
}: {
  show: { status: RoomStatus; slug: string; title: string };
  aside: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col justify-between gap-4 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:flex-row sm:items-start">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={show.status} />
          <span className="font-mono text-xs text-zinc-600">/live/{show.slug}</span>
        </div>
        <h1 className="mt-2 text-2xl font-black tracking-tight text-zinc-950 sm:text-3xl">{show.title}</h1>
        {children}
      </div>
      {aside}
    </div>
  );
}
