import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getNow, getTranslations } from "next-intl/server";
import { getShowBySlug, type TShow } from "@/server/rooms/get-show";
import { currentUser } from "@/server/auth/request";
import type { TLiveProduct } from "@/lib/commerce/live-product";
import { ChatPanel } from "@/components/chat/chat-panel";
import { CartProvider } from "@/components/commerce/cart-context";
import { CartDrawer } from "@/components/commerce/cart-drawer";
import { ShowDetails } from "@/components/live/show-details";
import { VideoStage } from "@/components/live/video-stage";
import { ViewerLayout } from "@/components/live/viewer-layout";
import { LiveRoomProvider } from "@/components/live/live-room-provider";
import { LiveShopProvider } from "@/components/products/live-shop";
import { PinnedProductOverlay } from "@/components/products/pinned-product-overlay";
import { ProductDetailsDialog } from "@/components/products/product-details-dialog";
import { ProductPanel } from "@/components/products/product-panel";
import { AuctionPanel } from "@/components/auctions/auction-panel";
import { AuctionReplay } from "@/components/auctions/auction-history";
import { GiveawayPanel } from "@/components/giveaways/giveaway-panel";
import { LikeButton } from "@/components/likes/like-button";
import { ReminderButton } from "@/components/reminders/reminder-button";
import { preloadLivePlayer } from "@/components/player/live-player-boot";
import { hasReminder } from "@/server/reminders/set-reminder";
import { scriptNonce } from "@/server/web/script-nonce";

type TParams = { params: Promise<{ slug: string }> };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

// Metadata and page share one query per request.
const showBySlug = cache((slug: string) => (SLUG.test(slug) ? getShowBySlug(slug) : Promise.resolve(null)));

async function loadShow(params: TParams["params"]) {
  return showBySlug((await params).slug);
}

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const show = await loadShow(params);
  if (!show) return {};
  return { title: show.title, description: show.description || undefined };
}

function liveProducts(show: TShow): TLiveProduct[] {
  return show.products.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    imageUrl: p.imageUrl,
    currency: p.currency,
    priceMinor: p.priceMinor,
    stock: p.stock,
    deal:
      p.dealPriceMinor !== null && p.dealEndsAt
        ? {
            priceMinor: p.dealPriceMinor,
            endsAt: p.dealEndsAt.toISOString(),
            limitPerBuyer: p.dealLimitPerBuyer,
          }
        : null,
  }));
}

export default async function LivePage({ params }: TParams) {
  // Before the first await: only what a page registers before it suspends reaches the <head>. With a
  // slower database (PostgreSQL) the shell was flushed first and VideoStage's preload came as a late hint.
  preloadLivePlayer();
  const show = await loadShow(params);
  if (!show) notFound();
  const [t, now, user, nonce] = await Promise.all([
    getTranslations("live"),
    getNow(),
    currentUser(),
    scriptNonce(),
  ]);
  const upcoming = show.status === "SCHEDULED";
  const reminded = upcoming && user ? await hasReminder(user.id, show.id) : false;
  return (
    <LiveRoomProvider
      roomId={show.id}
      initial={{
        media: { status: show.status, hlsUrl: show.hlsUrl, startedAt: show.startedAt?.toISOString() ?? null },
        catalog: {
          products: liveProducts(show).map((p) => ({ ...p, archived: false })),
          pinnedProductId: show.pinnedProductId,
        },
        likes: show.likeCount,
      }}
    >
      <CartProvider>
        <LiveShopProvider roomId={show.id} signedIn={user !== null}>
          <ViewerLayout
            video={
              // A pinned product covers the bottom of the stage: lift the "coming up" text above it.
              <div className="relative has-[[data-testid=pinned-overlay]]:[&_[data-stage-content]]:pb-20 max-sm:has-[[data-testid=pinned-overlay]]:[&_[data-stage-title]]:hidden">
                <VideoStage show={show} now={now.getTime()} nonce={nonce} />
                <PinnedProductOverlay />
                {show.status === "ENDED" ? null : <LikeButton initialTotal={show.likeCount} />}
              </div>
            }
            details={
              <div className="flex items-start gap-3">
                <div className="min-w-0 flex-1">
                  <ShowDetails show={show} />
                  {upcoming && (
                    <ReminderButton
                      roomId={show.id}
                      title={show.title}
                      initialReminded={reminded}
                      signedIn={user !== null}
                      returnTo={`/live/${show.slug}`}
                      className="mt-3"
                    />
                  )}
                </div>
                <CartDrawer />
              </div>
            }
            products={
              <>
                {show.status === "ENDED" ? (
                  <AuctionReplay roomId={show.id} />
                ) : (
                  <AuctionPanel roomId={show.id} meId={user?.id ?? null} />
                )}
                <GiveawayPanel roomId={show.id} meId={user?.id ?? null} />
                <ProductPanel />
              </>
            }
            chat={<ChatPanel roomId={show.id} />}
            labels={{ tablist: t("panels"), products: t("tabProducts"), chat: t("tabChat") }}
          />
          <ProductDetailsDialog />
        </LiveShopProvider>
      </CartProvider>
    </LiveRoomProvider>
  );
}
