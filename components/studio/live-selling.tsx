"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CHAT_STATE_EVENT, PRODUCT_UPDATE_EVENT } from "@/components/chat/use-chat-room";
import type { TRoomState } from "@/lib/chat/protocol";
import { ZProductUpdate } from "@/lib/commerce/product-update.types";
import type { TDealView } from "@/lib/commerce/show-schemas";
import { ApiRequestError } from "@/lib/api/request";
import { listDeals, pinProduct } from "@/lib/commerce/client";
import { ConsoleProductRow, type TConsoleProduct } from "@/components/studio/console-product-row";
import { SalesPanel } from "@/components/studio/sales-panel";
import { EmptyNote } from "@/components/ui/empty-state";

type TFeedback = { tone: "ok" | "error"; text: string } | null;

/**
 * The console's selling tools: the live sales panel, and per product pin/unpin and flash deals. Viewer
 * counts, pins and stock follow the staff chat panel's connection (window events from use-chat-room).
 */
export function LiveSelling({
  roomId,
  slug,
  products: initialProducts,
  pinnedProductId: initialPinned,
}: {
  roomId: string;
  slug: string;
  products: TConsoleProduct[];
  pinnedProductId: string | null;
}) {
  const t = useTranslations("commerce.studio");
  const [products, setProducts] = useState(initialProducts);
  const [pinnedId, setPinnedId] = useState(initialPinned);
  const [deals, setDeals] = useState<Record<string, TDealView>>({});
  const [viewers, setViewers] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const [salesTick, setSalesTick] = useState(0);
  const tickTimer = useRef<number | null>(null);

  useEffect(() => {
    void listDeals(roomId)
      .then(({ deals: list }) => setDeals(Object.fromEntries(list.map((d) => [d.productId, d]))))
      .catch(() => undefined);
  }, [roomId]);

  useEffect(() => {
    // A sale moves stock: refresh the sales panel soon after (coalesced), not on every event.
    const refreshSalesSoon = () => {
      if (tickTimer.current !== null) return;
      tickTimer.current = window.setTimeout(() => {
        tickTimer.current = null;
        setSalesTick((n) => n + 1);
      }, 400);
    };
    const onState = (e: Event) => {
      const s = (e as CustomEvent<TRoomState>).detail;
      if (s.roomId !== roomId) return;
      setViewers(s.viewers);
      setPinnedId(s.pinnedProductId);
    };
    const onProduct = (e: Event) => {
      const parsed = ZProductUpdate.safeParse((e as CustomEvent<unknown>).detail);
      if (!parsed.success || parsed.data.roomId !== roomId) return;
      const u = parsed.data;
      setProducts((list) =>
        list.map((p) =>
          p.id === u.productId ? { ...p, stock: u.stock, priceMinor: u.priceMinor, archived: u.archived } : p,
        ),
      );
      setDeals((current) => {
        const next = { ...current };
        if (u.deal && !u.archived) {
          const known = current[u.productId];
          next[u.productId] = {
            roomId,
            productId: u.productId,
            dealPriceMinor: u.deal.priceMinor,
            priceMinor: u.priceMinor,
            currency: u.currency,
            startedAt: known?.startedAt ?? new Date().toISOString(),
            endsAt: u.deal.endsAt,
            limitPerBuyer: u.deal.limitPerBuyer,
          };
        } else delete next[u.productId];
        return next;
      });
      refreshSalesSoon();
    };
    window.addEventListener(CHAT_STATE_EVENT, onState);
    window.addEventListener(PRODUCT_UPDATE_EVENT, onProduct);
    return () => {
      window.removeEventListener(CHAT_STATE_EVENT, onState);
      window.removeEventListener(PRODUCT_UPDATE_EVENT, onProduct);
      if (tickTimer.current !== null) window.clearTimeout(tickTimer.current);
    };
  }, [roomId]);

  const togglePin = useCallback(
    async (product: TConsoleProduct) => {
      const next = pinnedId === product.id ? null : product.id;
      setBusy(`pin:${product.id}`);
      setFeedback(null);
      try {
        const res = await pinProduct(roomId, next);
        setPinnedId(res.pinnedProductId);
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
    [pinnedId, roomId, t],
  );

  const onDeal = useCallback(
    (productId: string, deal: TDealView | null) => {
      setDeals((current) => {
        const next = { ...current };
        if (deal) next[productId] = deal;
        else delete next[productId];
        return next;
      });
      setFeedback({ tone: "ok", text: deal ? t("dealStarted") : t("dealEnded") });
    },
    [t],
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
