"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useEffect, useRef, useState } from "react";
import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import type { TOrderView } from "@/lib/commerce/order-types";
import { Button } from "@/components/ui/button";
import { ProductThumb } from "@/components/ui/product-thumb";
import { useCart } from "@/components/commerce/cart-context";
import { CheckoutForm } from "@/components/commerce/checkout-form";
import { OrderConfirmation } from "@/components/commerce/order-confirmation";

type TStep = { kind: "cart" } | { kind: "checkout" } | { kind: "done"; orders: TOrderView[] };

/** The cart button plus its drawer (a native modal <dialog>: focus trap and Escape for free). */
export function CartDrawer() {
  const t = useCommerceT();
  const locale = useLocale();
  const cart = useCart();
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<TStep>({ kind: "cart" });

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (cart.open && !el.open) el.showModal();
    if (!cart.open && el.open) el.close();
  }, [cart.open]);

  const close = () => {
    cart.setOpen(false);
    setStep({ kind: "cart" });
  };
  const currency = cart.items[0]?.currency ?? "KRW";
  const subtotal = cart.items.reduce((n, i) => n + i.unitPriceMinor * i.quantity, 0);

  return (
    <>
      <Button
        onClick={() => cart.setOpen(true)}
        aria-label={t("openCart", { count: cart.count })}
        variant="secondary"
        size="sm"
      >
        {t("cart")}
        <span aria-hidden="true" className="rounded-full bg-zinc-900 px-1.5 text-xs text-white tabular-nums">
          {cart.count}
        </span>
      </Button>
      <dialog
        ref={dialog}
        onClose={close}
        aria-labelledby="cart-heading"
        className="m-0 ml-auto h-dvh max-h-none w-full max-w-md overflow-y-auto bg-zinc-50 p-5 shadow-2xl backdrop:bg-black/40"
      >
        <div className="mb-4 flex items-center justify-between">
          <h2 id="cart-heading" className="text-lg font-black text-zinc-950">
            {step.kind === "checkout" ? t("checkoutHeading") : t("cart")}
          </h2>
          <Button onClick={close} variant="ghost" size="sm">
            {t("closeCart")}
          </Button>
        </div>

        {step.kind === "done" ? (
          <OrderConfirmation orders={step.orders} onClose={close} />
        ) : step.kind === "checkout" ? (
          <CheckoutForm
            items={cart.items}
            onBack={() => setStep({ kind: "cart" })}
            onDone={(orders) => setStep({ kind: "done", orders })}
          />
        ) : cart.items.length === 0 ? (
          <p className="text-sm text-zinc-700">{t("cartEmpty")}</p>
        ) : (
          <div className="flex flex-col gap-4">
            <ul className="flex flex-col gap-3">
              {cart.items.map((item) => (
                <li key={item.key} className="flex gap-3 rounded-xl border border-zinc-200 bg-white p-3">
                  <ProductThumb src={item.imageUrl} className="size-16 shrink-0 rounded-lg" />
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <span className="line-clamp-2 text-sm font-semibold text-zinc-900">{item.name}</span>
                    <span className="text-sm font-bold tabular-nums">
                      {formatPrice(item.unitPriceMinor * item.quantity, item.currency, locale)}
                    </span>
                    <div className="flex items-center gap-2" role="group" aria-label={t("quantity")}>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={t("decrease", { name: item.name })}
                        disabled={item.quantity <= 1}
                        onClick={() => cart.setQuantity(item.key, item.quantity - 1)}
                      >
                        −
                      </Button>
                      <span className="min-w-6 text-center text-sm tabular-nums">{item.quantity}</span>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={t("increase", { name: item.name })}
                        disabled={item.quantity >= item.maxQuantity}
                        onClick={() => cart.setQuantity(item.key, item.quantity + 1)}
                      >
                        +
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className="ml-auto"
                        aria-label={t("remove", { name: item.name })}
                        onClick={() => cart.remove(item.key)}
                      >
                        ✕
                      </Button>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <div className="flex items-center justify-between border-t border-zinc-200 pt-3">
              <span className="font-semibold">{t("subtotal")}</span>
              <span className="text-lg font-black tabular-nums">
                {formatPrice(subtotal, currency, locale)}
              </span>
            </div>
            <p className="text-xs text-zinc-600">{t("priceConfirmed")}</p>
            <Button variant="live" size="lg" onClick={() => setStep({ kind: "checkout" })}>
              {t("checkout")}
            </Button>
          </div>
        )}
      </dialog>
    </>
  );
}
