import type { ReactNode } from "react";
import type { TShowCard } from "@/server/rooms/get-home-shows";
import { ShowCard, type TCardReminders } from "@/components/shows/show-card";
import { EmptyState } from "@/components/ui/empty-state";

/** A titled section of show cards with its own empty state. */
export function ShowShelf({
  id,
  title,
  shows,
  empty,
  accent,
  reminders,
}: {
  id: string;
  title: string;
  shows: TShowCard[];
  empty: { title: string; body: string; icon?: ReactNode };
  accent?: ReactNode;
  reminders?: TCardReminders;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <div className="mb-4 flex items-center gap-2">
        {accent}
        <h2 id={id} className="text-xl font-black tracking-tight text-zinc-950">
          {title}
        </h2>
        {shows.length > 0 && <span className="text-sm font-semibold text-zinc-600">({shows.length})</span>}
      </div>
      {shows.length === 0 ? (
        <EmptyState title={empty.title} body={empty.body} icon={empty.icon} />
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {shows.map((show) => (
            <li key={show.id} className="flex">
              <div className="w-full">
                <ShowCard show={show} reminders={reminders} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
