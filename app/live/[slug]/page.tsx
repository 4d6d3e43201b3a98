import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getNow, getTranslations } from "next-intl/server";
import { getShowBySlug } from "@/server/rooms/get-show";
import { ChatPanel } from "@/components/chat/chat-panel";
import { ShowDetails } from "@/components/live/show-details";
import { VideoStage } from "@/components/live/video-stage";
import { ViewerLayout } from "@/components/live/viewer-layout";
import { ProductPanel } from "@/components/products/product-panel";

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

export default async function LivePage({ params }: TParams) {
  const show = await loadShow(params);
  if (!show) notFound();
  const [t, now] = await Promise.all([getTranslations("live"), getNow()]);
  return (
    <ViewerLayout
      video={<VideoStage show={show} now={now.getTime()} />}
      details={<ShowDetails show={show} />}
      products={<ProductPanel products={show.products} pinnedProductId={show.pinnedProductId} />}
      chat={<ChatPanel roomId={show.id} />}
      labels={{ tablist: t("panels"), products: t("tabProducts"), chat: t("tabChat") }}
    />
  );
}
