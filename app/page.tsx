import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/request";
import { getHomeShows } from "@/server/rooms/get-home-shows";
import { remindedRoomIds } from "@/server/reminders/set-reminder";
import { HomeHero } from "@/components/shows/home-hero";
import { ShowShelf } from "@/components/shows/show-shelf";
import { BroadcastIcon, CalendarIcon, ReplayIcon } from "@/components/ui/icons";

export default async function HomePage() {
  const [t, shows, user] = await Promise.all([getTranslations("home"), getHomeShows(), currentUser()]);
  const remindedIds = user
    ? await remindedRoomIds(
        user.id,
        shows.upcoming.map((s) => s.id),
      )
    : new Set<string>();
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <HomeHero signedIn={!!user} canSell={user?.role === "SELLER" || user?.role === "ADMIN"} />
      <ShowShelf
        id="live-now"
        title={t("liveNow")}
        shows={shows.live}
        accent={<span aria-hidden="true" className="bg-live size-2.5 animate-pulse rounded-full" />}
        empty={{ title: t("emptyLive.title"), body: t("emptyLive.body"), icon: <BroadcastIcon /> }}
      />
      <ShowShelf
        id="upcoming"
        title={t("upcoming")}
        shows={shows.upcoming}
        reminders={{ signedIn: !!user, remindedIds }}
        empty={{ title: t("emptyUpcoming.title"), body: t("emptyUpcoming.body"), icon: <CalendarIcon /> }}
      />
      <ShowShelf
        id="replays"
        title={t("replays")}
        shows={shows.replays}
        empty={{ title: t("emptyReplays.title"), body: t("emptyReplays.body"), icon: <ReplayIcon /> }}
      />
    </div>
  );
}
