import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TStudioShow } from "@/server/rooms/get-studio-show";
import { BesideStaffChat } from "@/components/chat/beside-staff-chat";
import { BroadcastProvider } from "@/components/studio/broadcast-context";
import { BroadcastPreview } from "@/components/studio/broadcast-preview";
import { GoLiveControls } from "@/components/studio/go-live-controls";
import { LiveSelling } from "@/components/studio/live-selling";
import { BackToStudio } from "@/components/studio/back-to-studio";
import { ShowHeaderCard } from "@/components/ui/show-header-card";
import { AuctionConsole } from "@/components/auctions/auction-console";
import { GiveawayConsole } from "@/components/giveaways/giveaway-console";
import { LikeTotal } from "@/components/likes/like-total";
import { buttonStyles } from "@/components/ui/button-styles";
import { LiveRoomProvider } from "@/components/live/live-room-provider";

/** The seller's console for one show: header and controls, camera preview, products, moderation chat. */
export function ShowConsole({ show, isAdmin = false }: { show: TStudioShow; isAdmin?: boolean }) {
  const t = useTranslations("console");
  const format = useFormatter();
  const when =
    show.status === "LIVE" && show.startedAt
      ? t("startedAt", { when: format.dateTime(show.startedAt, { dateStyle: "medium", timeStyle: "short" }) })
      : show.status === "ENDED" && show.endedAt
        ? t("endedAt", { when: format.dateTime(show.endedAt, { dateStyle: "medium", timeStyle: "short" }) })
        : show.scheduledAt
          ? t("scheduledFor", {
              when: format.dateTime(show.scheduledAt, { dateStyle: "full", timeStyle: "short" }),
            })
          : t("notScheduled");

  // The console's one chat connection (the staff chat panel's): viewers, pins, stock, deals and hearts.
  const initial = {
    catalog: {
      products: show.products.map((p) => ({ ...p, description: "", deal: null })),
      pinnedProductId: show.pinnedProductId,
    },
    likes: show.likeCount,
  };
  return (
    <LiveRoomProvider roomId={show.id} initial={initial}>
      <BroadcastProvider
        roomId={show.id}
        status={show.status}
        startedAt={show.startedAt?.toISOString() ?? null}
      >
        <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
          <BackToStudio />
          <ShowHeaderCard show={show} aside={<GoLiveControls />}>
            <p className="mt-1 text-sm text-zinc-700">{when}</p>
            <p className="text-sm text-zinc-600">{t("seller", { seller: show.sellerName })}</p>
            <LikeTotal initialTotal={show.likeCount} />
            <p className="text-sm text-zinc-700" data-testid="console-reminders">
              {t("reminders", { count: show.reminderCount })}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Link
                href={`/studio/${show.slug}/edit`}
                className={buttonStyles({ variant: "secondary", size: "sm" })}
              >
                {t("edit")}
              </Link>
              <Link
                href={`/live/${show.slug}`}
                className={buttonStyles({ variant: "secondary", size: "sm" })}
              >
                {t("viewerPage")}
              </Link>
            </div>
          </ShowHeaderCard>

          <BesideStaffChat roomId={show.id}>
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" className="mb-3 text-base font-black tracking-tight text-zinc-950">
                {t("preview")}
              </h2>
              <div id="studio-preview">
                <BroadcastPreview />
              </div>
            </section>

            <LiveSelling roomId={show.id} slug={show.slug} products={show.products} />

            <AuctionConsole roomId={show.id} products={show.products} canCancel={isAdmin} />
            <GiveawayConsole roomId={show.id} products={show.products} canCancel={isAdmin} />
          </BesideStaffChat>
        </div>
      </BroadcastProvider>
    </LiveRoomProvider>
  );
}
