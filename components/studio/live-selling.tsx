"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TDealView } from "@/lib/commerce/show-schemas";
import { ApiRequestError } from "@/lib/api/request";
import { pinProduct } from "@/lib/commerce/client";
import type { TRoomProduct } from "@/lib/rooms/live-feed";
import { useLiveRoom, useRoomSlice } from "@/components/live/live-room-provider";
import { ConsoleProductRow, type TConsoleProduct } from "@/components/studio/console-product-row";
import { SalesPanel } from "@/components/studio/sales-panel";
import { EmptyNote } from "@/components/ui/empty-state";

type TFeedback = { tone: "ok" | "error"; text: string } | null;
const NO_DEALS: Record<string, TDealView> = {};

/** The console's product with the room's live stock, price and archived flag (itself when they agree). */
function withLive(p: TConsoleProduct, live: TRoomProduct | undefined): TConsoleProduct {
  if (!live || (live.stock === p.stock && live.priceMinor === p.priceMinor && live.archived === p.archived))
    return p;
  return { ...p, stock: live.stock, priceMinor: live.priceMinor, archived: live.archived };
}

/**
 * The console's selling tools: the live sales panel, and per product pin/unpin and flash deals. Viewer
 * counts, pins, stock and deals come from the console's LiveRoomProvider (its staff chat connection).
 */
export function LiveSelling({
  roomId,
  slug,
  products: initialProducts,
}: {
  roomId: string;
  slug: string;
  products: TConsoleProduct[];
}) {
  const t = useTranslations("commerce.studio");
  const room = useLiveRoom();
  const catalog = useRoomSlice((s) => s.catalog.value);
  const viewers = useRoomSlice((s) => s.state?.viewers ?? null);
  const deals = useRoomSlice((s) => s.deals?.value) ?? NO_DEALS;
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const [salesTick, setSalesTick] = useState(0);
  const tickTimer = useRef<number | null>(null);

  useEffect(() => room.watchDeals(), [room]);

  const products = useMemo(() => {
    const live = new Map(catalog?.products.map((p) => [p.id, p]));
    return initialProducts.map((p) => withLive(p, live.get(p.id)));
  }, [initialProducts, catalog?.products]);
  const pinnedId = catalog?.pinnedProductId ?? null;

  // A sale moves stock: refresh the sales panel soon after (coalesced), not on every update.
  const liveProducts = catalog?.products;
  const firstProducts = useRef(liveProducts);
  useEffect(() => {
    if (liveProducts === firstProducts.current || tickTimer.current !== null) return;
    tickTimer.current = window.setTimeout(() => {
      tickTimer.current = null;
      setSalesTick((n) => n + 1);
    }, 400);
  }, [liveProducts]);
  useEffect(
    () => () => {
      if (tickTimer.current !== null) window.clearTimeout(tickTimer.current);
    },
    [],
  );

  const togglePin = useCallback(
    async (product: TConsoleProduct) => {
      const next = pinnedId === product.id ? null : product.id;
      setBusy(`pin:${product.id}`);
      setFeedback(null);
      try {
        const res = await pinProduct(roomId, next);
        room.setPin(res.pinnedProductId);
        setFeedback({
          tone: "ok",
          text: next ? t("pinnedNotice", { name: product.name }) : t("unpinnedNotice"),
        });
      } catch (err) {
        setFeedback({ tone: "error", text: err instanceof ApiRequestError ? err.message : String(err) });
      } finally {
        setBusy(null);
      }
    },
    [pinnedId, roomId, room, t],
  );

  const onDeal = useCallback(
    (productId: string, deal: TDealView | null) => {
      room.setDeal(productId, deal);
      setFeedback({ tone: "ok", text: deal ? t("dealStarted") : t("dealEnded") });
    },
    [room, t],
  );

  // The pinned product first, as viewers see it.
  const ordered = useMemo(() => {
    const pinned = products.find((p) => p.id === pinnedId);
    return pinned ? [pinned, ...products.filter((p) => p !== pinned)] : products;
  }, [products, pinnedId]);

  return (
    <section aria-labelledby="live-selling-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="live-selling-heading" className="text-base font-black tracking-tight text-zinc-950">
            {t("heading")}
          </h2>
          <p className="text-sm text-zinc-600">{t("lead")}</p>
        </div>
        <div className="flex gap-3 text-sm font-semibold">
          <Link href={`/studio/${slug}/edit`} className="text-brand-700 underline-offset-2 hover:underline">
            {t("manage")}
          </Link>
          <Link href="/studio/products" className="text-brand-700 underline-offset-2 hover:underline">
            {t("catalog")}
          </Link>
        </div>
      </div>

      <SalesPanel roomId={roomId} viewers={viewers} refreshKey={salesTick} />

      <div role="status" aria-live="polite" className="empty:hidden">
        {feedback && (
          <p
            className={
              feedback.tone === "ok"
                ? "rounded-lg bg-emerald-50 px-3 py-2 text-sm font-semibold text-emerald-900"
                : "rounded-lg bg-rose-50 px-3 py-2 text-sm font-semibold text-rose-900"
            }
          >
            {feedback.text}
          </p>
        )}
      </div>

      <section aria-labelledby="console-products-heading" className="flex flex-col gap-3">
        <h3 id="console-products-heading" className="text-sm font-bold text-zinc-900">
          {t("productsHeading", { count: products.length })}
        </h3>
        {products.length === 0 ? (
          <EmptyNote>{t("noProducts")}</EmptyNote>
        ) : (
          <ol className="flex flex-col gap-3" data-testid="console-products">
            {ordered.map((p) => (
              <ConsoleProductRow
                key={p.id}
                roomId={roomId}
                product={p}
                position={products.indexOf(p) + 1}
                pinned={p.id === pinnedId}
                deal={deals[p.id] ?? null}
                pinBusy={busy === `pin:${p.id}`}
                onTogglePin={() => void togglePin(p)}
                onDeal={(deal) => onDeal(p.id, deal)}
                onError={(text) => setFeedback({ tone: "error", text })}
              />
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
