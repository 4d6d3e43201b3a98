"use client";
import { useSignedIn } from "@/components/shell/use-me";
import { useMemo, useState, type ReactNode } from "react";
import type { TRoomState } from "@/lib/chat/protocol";
import type { TLiveProduct } from "@/lib/commerce/live-product";
import { requiredContext } from "@/components/ui/required-context";
import { useRoomSlice } from "@/components/live/live-room-provider";
import type { TRoomProduct } from "@/lib/rooms/live-feed";

type TShowStatus = TRoomState["status"];

type TLiveShop = {
  roomId: string;
  status: TShowStatus;
  signedIn: boolean;
  products: TLiveProduct[];
  pinned: TLiveProduct | null;
  /** The product whose details dialog is open. */
  detailsId: string | null;
  openDetails: (productId: string | null) => void;
};

const liveShopContext = requiredContext<TLiveShop>("useLiveShop", "LiveShopProvider");

/** Each product's listing view, kept while the product is unchanged (its card need not render again). */
const views = new WeakMap<TRoomProduct, TLiveProduct>();
/** The listing of the viewer page: archived products leave it. */
function listed(products: TRoomProduct[]): TLiveProduct[] {
  return products
    .filter((p) => !p.archived)
    .map((p) => {
      let view = views.get(p);
      if (!view) {
        const { archived: _archived, ...rest } = p;
        view = rest;
        views.set(p, view);
      }
      return view;
    });
}

const NO_PRODUCTS: TLiveProduct[] = [];

/**
 * The viewer page's shop state: the show's products with live stock, price and deals, and the pinned
 * product, from the page's LiveRoomProvider (the server's render first, then what its socket pushes and
 * what it re-reads after each join).
 */
export function LiveShopProvider({
  roomId,
  signedIn: serverSignedIn,
  children,
}: {
  roomId: string;
  signedIn: boolean;
  children: ReactNode;
}) {
  const signedIn = useSignedIn(serverSignedIn);
  const catalog = useRoomSlice((s) => s.catalog.value);
  const status = useRoomSlice((s) => s.media.value?.status ?? s.state?.status ?? "SCHEDULED");
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const products = useMemo(() => (catalog ? listed(catalog.products) : NO_PRODUCTS), [catalog]);
  // On a replay the panel follows the product that was pinned at the recording's current moment.
  const replayPin = useRoomSlice((s) => s.replayPin);
  const pinnedId = status === "ENDED" ? replayPin : (catalog?.pinnedProductId ?? null);

  const value = useMemo<TLiveShop>(
    () => ({
      roomId,
      status,
      signedIn,
      products,
      pinned: products.find((p) => p.id === pinnedId) ?? null,
      detailsId,
      openDetails: setDetailsId,
    }),
    [roomId, status, signedIn, products, pinnedId, detailsId],
  );
  return <liveShopContext.Provider value={value}>{children}</liveShopContext.Provider>;
}

export const useLiveShop = liveShopContext.use;
