"use client";
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { MAX_ORDER_QUANTITY } from "@/lib/commerce/limits";
import { requiredContext } from "@/components/ui/required-context";

/** A line in the cart. Prices are for display only: the server decides the charged price. */
export type TCartItem = {
  /** Stable per line: becomes the order's idempotency key, so a retried checkout never orders twice. */
  key: string;
  productId: string;
  roomId: string | null;
  name: string;
  imageUrl: string | null;
  unitPriceMinor: number;
  currency: string;
  quantity: number;
  /** The most this buyer may take (stock, or a deal's per-buyer limit). */
  maxQuantity: number;
};

type TCart = {
  items: TCartItem[];
  count: number;
  open: boolean;
  setOpen: (open: boolean) => void;
  add: (item: Omit<TCartItem, "key" | "quantity">, quantity?: number) => void;
  setQuantity: (key: string, quantity: number) => void;
  remove: (key: string) => void;
  clear: (keys?: string[]) => void;
};

const cartContext = requiredContext<TCart>("useCart", "CartProvider");
const STORAGE_KEY = "onair.cart.v1";
const EMPTY: TCartItem[] = [];

function newKey(): string {
  return `cart-${crypto.randomUUID()}`;
}

function load(): TCartItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed)
      ? (parsed as TCartItem[]).filter((i) => typeof i.productId === "string" && Number.isInteger(i.quantity))
      : [];
  } catch {
    return [];
  }
}

// The cart lives in localStorage (kept across reloads, shared by tabs) behind a tiny external store, so
// the server render and the first client render agree (both empty) and React re-renders on changes.
let snapshot: TCartItem[] | null = null;
const listeners = new Set<() => void>();

function getSnapshot(): TCartItem[] {
  snapshot ??= load();
  return snapshot;
}

function write(update: (items: TCartItem[]) => TCartItem[]): void {
  snapshot = update(getSnapshot());
  localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY) return;
    snapshot = load();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

const clamp = (q: number, max: number) => Math.max(1, Math.min(q, max, MAX_ORDER_QUANTITY));

/** Holds the shopper's cart. Mount once around the page (e.g. the live page's client component). */
export function CartProvider({ children }: { children: ReactNode }) {
  const items = useSyncExternalStore(subscribe, getSnapshot, () => EMPTY);
  const [open, setOpen] = useState(false);

  const add = useCallback<TCart["add"]>((item, quantity = 1) => {
    write((current) => {
      const same = current.find((i) => i.productId === item.productId && i.roomId === item.roomId);
      // Changing a line's quantity gives it a new key: it is a different order now.
      if (same)
        return current.map((i) =>
          i === same
            ? { ...i, ...item, key: newKey(), quantity: clamp(i.quantity + quantity, item.maxQuantity) }
            : i,
        );
      return [...current, { ...item, key: newKey(), quantity: clamp(quantity, item.maxQuantity) }];
    });
  }, []);
  const setQuantity = useCallback((key: string, quantity: number) => {
    write((current) =>
      current.map((i) =>
        i.key === key ? { ...i, key: newKey(), quantity: clamp(quantity, i.maxQuantity) } : i,
      ),
    );
  }, []);
  const remove = useCallback((key: string) => write((current) => current.filter((i) => i.key !== key)), []);
  const clear = useCallback(
    (keys?: string[]) => write((current) => (keys ? current.filter((i) => !keys.includes(i.key)) : [])),
    [],
  );

  const value = useMemo<TCart>(
    () => ({
      items,
      count: items.reduce((n, i) => n + i.quantity, 0),
      open,
      setOpen,
      add,
      setQuantity,
      remove,
      clear,
    }),
    [items, open, add, setQuantity, remove, clear],
  );
  return <cartContext.Provider value={value}>{children}</cartContext.Provider>;
}

export const useCart = cartContext.use;
