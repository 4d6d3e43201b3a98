"use client";
import type { ReactNode } from "react";
import { useLiveShop } from "@/components/products/live-shop";

/** A button that opens the product's details dialog; `label` names it when its content does not (a picture). */
export function OpenDetailsButton({
  productId,
  label,
  className,
  children,
}: {
  productId: string;
  label?: string;
  className: string;
  children: ReactNode;
}) {
  const { openDetails } = useLiveShop();
  return (
    <button type="button" onClick={() => openDetails(productId)} aria-label={label} className={className}>
      {children}
    </button>
  );
}
