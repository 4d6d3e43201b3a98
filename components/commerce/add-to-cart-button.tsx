"use client";
import { useCommerceT } from "@/components/commerce/use-commerce-t";
import { useState } from "react";
import { usePathname } from "next/navigation";
import { buttonStyles } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/button";
import { useCart, type TCartItem } from "@/components/commerce/cart-context";

/**
 * The product card's buy button. `price` is the price shown now (deal or regular); `limitPerBuyer`
 * comes from a running deal. Sold out disables it; the server still has the last word at checkout.
 */
export function AddToCartButton({
  product,
  roomId,
  signedIn = true,
}: {
  product: {
    id: string;
    name: string;
    imageUrl: string | null;
    price: number;
    currency: string;
    stock: number;
    limitPerBuyer?: number | null;
  };
  roomId: string | null;
  signedIn?: boolean;
}) {
  const t = useCommerceT();
  const { add, setOpen } = useCart();
  const [added, setAdded] = useState(false);
  const pathname = usePathname();
  const soldOut = product.stock <= 0;
  if (!signedIn) {
    return (
      <a
        href={`/login?next=${encodeURIComponent(pathname || "/")}`}
        className={buttonStyles({ variant: "secondary", size: "sm" })}
      >
        {t("signInToBuy")}
      </a>
    );
  }
  const item: Omit<TCartItem, "key" | "quantity"> = {
    productId: product.id,
    roomId,
    name: product.name,
    imageUrl: product.imageUrl,
    unitPriceMinor: product.price,
    currency: product.currency,
    maxQuantity: Math.max(1, Math.min(product.stock, product.limitPerBuyer ?? product.stock)),
  };
  return (
    <Button
      disabled={soldOut}
      aria-label={soldOut ? `${product.name}: ${t("soldOut")}` : `${t("addToCart")}: ${product.name}`}
      variant="live"
      size="sm"
      onClick={() => {
        add(item);
        setAdded(true);
        setOpen(true);
        setTimeout(() => setAdded(false), 1500);
      }}
    >
      {soldOut ? t("soldOut") : added ? t("addedToCart") : t("addToCart")}
    </Button>
  );
}
