"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useState, type FormEvent } from "react";
import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import { ZPayOrderRequest } from "@/lib/commerce/order-schemas";
import type { TOrderView } from "@/lib/commerce/order-types";
import { CommerceApiError, cancelOrder, payOrder, placeOrder } from "@/lib/commerce/client";
import { buttonStyles } from "@/components/ui/button-styles";
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

/**
 * Checkout for the cart: the shipping address and card (validated here and again on the server), then one
 * order per cart line (its key is the idempotency key, so a retry never orders twice) and their payments.
 * A declined card shows the issuer's reason; the server has already put those units back.
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
  const [busy, setBusy] = useState(false);
  const currency = items[0]?.currency ?? "KRW";
  const subtotal = items.reduce((n, i) => n + i.unitPriceMinor * i.quantity, 0);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const parsed = ZPayOrderRequest.safeParse(read(e.currentTarget));
    if (!parsed.success) {
      const next: TFields = {};
      for (const issue of parsed.error.issues) next[issue.path.join(".")] ??= issue.message;
      setFields(next);
      setError(t("fixFields"));
      return;
    }
    setFields({});
    setBusy(true);
    const placed: { item: TCartItem; order: TOrderView }[] = [];
    const paid: TOrderView[] = [];
    try {
      for (const item of items) {
        const { order } = await placeOrder(
          {
            productId: item.productId,
            quantity: item.quantity,
            ...(item.roomId ? { roomId: item.roomId } : {}),
          },
          item.key,
        );
        placed.push({ item, order });
      }
      for (const { item, order } of placed) {
        const result = order.status === "PAID" ? { order } : await payOrder(order.id, parsed.data);
        paid.push(result.order);
        cart.clear([item.key]);
      }
      onDone(paid);
    } catch (err) {
      const apiError = err instanceof CommerceApiError ? err : null;
      if (apiError?.fields && Object.keys(apiError.fields).length > 0) setFields(apiError.fields);
      setError(
        apiError?.code === "PAYMENT_DECLINED"
          ? t("declined", { reason: apiError.message })
          : (apiError?.message ?? String(err)),
      );
      // Orders placed in this attempt but not paid give their units back; their cart lines get fresh keys.
      const unpaid = placed.filter(({ order }) => !paid.some((p) => p.id === order.id));
      if (apiError?.status !== 400) {
        await Promise.allSettled(unpaid.map(({ order }) => cancelOrder(order.id)));
        for (const { item } of unpaid) cart.setQuantity(item.key, item.quantity);
      }
    } finally {
      setBusy(false);
    }
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
            <li key={i.key} className="flex justify-between gap-3">
              <span className="min-w-0 truncate text-zinc-800">
                {i.name} × {i.quantity}
              </span>
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
      <div className="flex items-center justify-between gap-2">
        <button type="button" onClick={onBack} className={buttonStyles({ variant: "ghost" })} disabled={busy}>
          {t("backToCart")}
        </button>
        <button
          type="submit"
          className={buttonStyles({ variant: "live", size: "lg" })}
          disabled={busy || items.length === 0}
        >
          {busy ? t("paying") : t("pay", { total: formatPrice(subtotal, currency, locale) })}
        </button>
      </div>
    </form>
  );
}
