"use client";
import { useSignedIn } from "@/components/shell/use-me";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CHAT_STATE_EVENT, PRODUCT_UPDATE_EVENT } from "@/components/chat/use-chat-room";
import type { TRoomState } from "@/lib/chat/protocol";
import { applyProductUpdate, ZRoomProducts, type TLiveProduct } from "@/lib/commerce/live-product";
import { ZProductUpdate } from "@/lib/commerce/product-update.types";
import { requiredContext } from "@/components/ui/required-context";
import { request } from "@/lib/api/request";

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

/** Re-read the show's products at most this often while room:state keeps arriving (joins, viewer counts). */
const RESYNC_MS = 20_000;

/**
 * The viewer page's shop state: the show's products with live stock, price and deals, and the pinned
 * product. It rides on the chat panel's one connection (components/chat/use-chat-room re-dispatches
 * `room:state` and `product:update` as window events), so the page keeps a single socket. After each
 * (re)join it re-reads the products once, so an update missed while disconnected is repaired.
 */
export function LiveShopProvider({
  roomId,
  status: initialStatus,
  products: initialProducts,
  pinnedProductId: initialPinned,
  signedIn: serverSignedIn,
  children,
}: {
  roomId: string;
  status: TShowStatus;
  products: TLiveProduct[];
  pinnedProductId: string | null;
  signedIn: boolean;
  children: ReactNode;
}) {
  const signedIn = useSignedIn(serverSignedIn);
  const [products, setProducts] = useState(initialProducts);
  const [pinnedId, setPinnedId] = useState(initialPinned);
  const [status, setStatus] = useState(initialStatus);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const lastSync = useRef(0);
  const known = useRef(new Set(initialProducts.map((p) => p.id)));
  useEffect(() => {
    known.current = new Set(products.map((p) => p.id));
  }, [products]);

  const resync = useCallback(async () => {
    lastSync.current = Date.now();
    try {
      const parsed = ZRoomProducts.safeParse(
        await request("GET", `/api/rooms/${encodeURIComponent(roomId)}`),
      );
      if (!parsed.success) return;
      setProducts(parsed.data.products.filter((p) => !p.archived).map(({ archived: _archived, ...p }) => p));
      setPinnedId(parsed.data.pinnedProductId);
    } catch {
      // Offline: the next room:state tries again.
    }
  }, [roomId]);

  useEffect(() => {
    const onState = (e: Event) => {
      const state = (e as CustomEvent<TRoomState>).detail;
      if (state.roomId !== roomId) return;
      setPinnedId(state.pinnedProductId);
      setStatus(state.status);
      if (Date.now() - lastSync.current > RESYNC_MS) void resync();
    };
    const onProduct = (e: Event) => {
      const parsed = ZProductUpdate.safeParse((e as CustomEvent<unknown>).detail);
      if (!parsed.success || parsed.data.roomId !== roomId) return;
      const update = parsed.data;
      // A product added to the show after this page loaded: read the listing again.
      if (!update.archived && !known.current.has(update.productId)) void resync();
      setProducts((current) => applyProductUpdate(current, update));
    };
    window.addEventListener(CHAT_STATE_EVENT, onState);
    window.addEventListener(PRODUCT_UPDATE_EVENT, onProduct);
    return () => {
      window.removeEventListener(CHAT_STATE_EVENT, onState);
      window.removeEventListener(PRODUCT_UPDATE_EVENT, onProduct);
    };
  }, [roomId, resync]);

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
