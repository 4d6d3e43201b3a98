"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import { ZPayOrderRequest, type TPayOrderRequest } from "@/lib/commerce/order-schemas";
import type { TOrderView } from "@/lib/commerce/order-types";
import { ApiRequestError } from "@/lib/api/request";
import { checkout, payOrder } from "@/lib/commerce/client";
import { commerceQueries } from "@/lib/commerce/queries";
import { Button } from "@/components/ui/button";
import { useCart, type TCartItem } from "@/components/commerce/cart-context";
import { TestModeBanner } from "@/components/commerce/test-mode-banner";
import { TextInput } from "@/components/commerce/text-input";

type TFields = Record<string, string>;

const SHIPPING = ["name", "phone", "address1", "address2", "city", "postalCode", "country"] as const;
const CARD = ["number", "expMonth", "expYear", "cvc"] as const;

function read(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const address2 = value("shipping.address2");
  return {
    card: {
      number: value("card.number"),
      expMonth: value("card.expMonth"),
      expYear: value("card.expYear"),
      cvc: value("card.cvc"),
    },
    shipping: {
      name: value("shipping.name"),
      phone: value("shipping.phone"),
      address1: value("shipping.address1"),
      ...(address2 ? { address2 } : {}),
      city: value("shipping.city"),
      postalCode: value("shipping.postalCode"),
      country: value("shipping.country"),
    },
  };
}

/** One idempotency key per cart content: the lines' own keys change whenever a line changes (FNV-1a). */
function cartKey(items: TCartItem[]): string {
  let h = 0xcbf29ce484222325n;
  for (const c of items.map((i) => i.key).join("|")) {
    h ^= BigInt(c.charCodeAt(0));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `cart-${h.toString(16)}`;
}

type TRefusal = { message: string; failed: string[] };

/**
 * Checkout for the cart: the shipping address and card (validated here and again on the server), then ONE
 * order for the whole cart (`POST /api/checkout`, every line reserved or none; a retry with the same cart
 * finds the same order) and one payment. A line that lost the race is named, and the rest of the cart is
 * offered in one click. A declined card shows the issuer's reason; the server has already put units back.
 */
export function CheckoutForm({
  items,
  onBack,
  onDone,
}: {
  items: TCartItem[];
  onBack: () => void;
  onDone: (orders: TOrderView[]) => void;
}) {
  const t = useCommerceT();
  const locale = useLocale();
  const cart = useCart();
  const [fields, setFields] = useState<TFields>({});
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // One order for the whole cart, then its payment (unless the order is already paid).
  const place = useMutation({
    mutationFn: async (pay: TPayOrderRequest) => {
      const { order } = await checkout({
        lines: items.map((i) => ({
          productId: i.productId,
          quantity: i.quantity,
          ...(i.roomId ? { roomId: i.roomId } : {}),
        })),
        idempotencyKey: cartKey(items),
      });
      return order.status === "PAID" ? order : (await payOrder(order.id, pay)).order;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: commerceQueries.orders }),
  });
  const busy = place.isPending;
  const [refusal, setRefusal] = useState<TRefusal | null>(null);
  const currency = items[0]?.currency ?? "KRW";
  const subtotal = items.reduce((n, i) => n + i.unitPriceMinor * i.quantity, 0);
  const rest = refusal ? items.filter((i) => !refusal.failed.includes(i.productId)) : [];

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setRefusal(null);
    const parsed = ZPayOrderRequest.safeParse(read(e.currentTarget));
    if (!parsed.success) {
      const next: TFields = {};
      for (const issue of parsed.error.issues) next[issue.path.join(".")] ??= issue.message;
      setFields(next);
      setError(t("fixFields"));
      return;
    }
    setFields({});
    try {
      const paid = await place.mutateAsync(parsed.data);
      cart.clear(items.map((i) => i.key));
      onDone([paid]);
    } catch (err) {
      const apiError = err instanceof ApiRequestError ? err : null;
      if (apiError?.fields && Object.keys(apiError.fields).length > 0) setFields(apiError.fields);
      if (apiError && apiError.productIds.length > 0 && apiError.status === 409) {
        const names = items
          .filter((i) => apiError.productIds.includes(i.productId))
          .map((i) => i.name)
          .join(", ");
        setRefusal({
          failed: apiError.productIds,
          message:
            apiError.code === "OUT_OF_STOCK"
              ? t("lostRace", { names })
              : t("lineRefused", { names, reason: apiError.message }),
        });
      } else {
        setError(
          apiError?.code === "PAYMENT_DECLINED"
            ? t("declined", { reason: apiError.message })
            : (apiError?.message ?? String(err)),
        );
      }
      // A declined or failed order is over: fresh line keys make the next attempt a new order.
      if (apiError?.code === "PAYMENT_DECLINED" || apiError?.code === "ORDER_NOT_PAYABLE") {
        for (const item of items) cart.setQuantity(item.key, item.quantity);
      }
    }
  }

  /** Drops the lines that failed and checks out the rest with the same address and card. */
  function buyTheRest(form: HTMLFormElement | null) {
    if (!refusal) return;
    for (const item of items) if (refusal.failed.includes(item.productId)) cart.remove(item.key);
    setRefusal(null);
    // The cart re-renders with the remaining lines first; then the form submits them.
    setTimeout(() => form?.requestSubmit(), 0);
  }

  const input = (group: "shipping" | "card", name: string, extra: Record<string, string> = {}) => {
    const key = `${group}.${name}`;
    const label =
      group === "card"
        ? t(name === "number" ? "cardNumber" : (name as "expMonth" | "expYear" | "cvc"))
        : t(name as (typeof SHIPPING)[number]);
    return (
      <TextInput
        key={key}
        name={key}
        label={label}
        error={fields[key]}
        required={name !== "address2"}
        {...extra}
      />
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4" aria-busy={busy}>
      <TestModeBanner />
      <section aria-labelledby="checkout-summary" className="rounded-xl border border-zinc-200 bg-white p-3">
        <h3 id="checkout-summary" className="sr-only">
          {t("summaryHeading")}
        </h3>
        <ul className="flex flex-col gap-1.5 text-sm">
          {items.map((i) => (
            <li
              key={i.key}
              data-failed={refusal?.failed.includes(i.productId) || undefined}
              className="flex justify-between gap-3 data-failed:text-rose-800"
            >
              <span className="min-w-0 truncate text-zinc-800 in-data-failed:line-through">
                {i.name} × {i.quantity}
              </span>
              {refusal?.failed.includes(i.productId) && (
                <span className="shrink-0 rounded bg-rose-100 px-1.5 text-xs font-bold text-rose-900">
                  {t("lineUnavailable")}
                </span>
              )}
              <span className="font-semibold tabular-nums">
                {formatPrice(i.unitPriceMinor * i.quantity, i.currency, locale)}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 flex justify-between border-t border-zinc-100 pt-2 text-sm font-bold">
          <span>{t("subtotal")}</span>
          <span className="tabular-nums">{formatPrice(subtotal, currency, locale)}</span>
        </p>
      </section>
      <fieldset className="grid grid-cols-2 gap-3" disabled={busy}>
        <legend className="col-span-2 mb-1 text-base font-black text-zinc-950">{t("shippingHeading")}</legend>
        {SHIPPING.map((name) =>
          input("shipping", name, {
            className: ["name", "address1", "address2"].includes(name) ? "col-span-2" : "",
            autoComplete: {
              name: "name",
              phone: "tel",
              address1: "address-line1",
              address2: "address-line2",
              city: "address-level2",
              postalCode: "postal-code",
              country: "country",
            }[name],
            ...(name === "country" ? { defaultValue: "KR", maxLength: "2" } : {}),
          }),
        )}
      </fieldset>
      <fieldset className="grid grid-cols-3 gap-3" disabled={busy}>
        <legend className="col-span-3 mb-1 text-base font-black text-zinc-950">{t("paymentHeading")}</legend>
        {CARD.map((name) =>
          input("card", name, {
            className: name === "number" ? "col-span-3" : "",
            inputMode: "numeric",
            autoComplete: {
              number: "cc-number",
              expMonth: "cc-exp-month",
              expYear: "cc-exp-year",
              cvc: "cc-csc",
            }[name],
          }),
        )}
      </fieldset>
      {error && (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm font-semibold text-rose-900">
          {error}
        </p>
      )}
      {refusal && (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900"
        >
          <p className="font-semibold">{refusal.message}</p>
          {rest.length > 0 && (
            <Button
              variant="live"
              size="sm"
              className="self-start"
              onClick={(e) => buyTheRest(e.currentTarget.form)}
              disabled={busy}
            >
              {t("buyTheRest", { count: rest.length })}
            </Button>
          )}
        </div>
      )}
      <div className="flex items-center justify-between gap-2">
        <Button onClick={onBack} variant="ghost" disabled={busy}>
          {t("backToCart")}
        </Button>
        <Button type="submit" variant="live" size="lg" disabled={busy || items.length === 0}>
          {busy ? t("paying") : t("pay", { total: formatPrice(subtotal, currency, locale) })}
        </Button>
      </div>
    </form>
  );
}
