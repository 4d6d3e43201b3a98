"use client";
import { useLocale, useTranslations } from "next-intl";
import type { TReplay } from "@/server/media/get-replay";
import { formatPrice } from "@/lib/format";

/** The product that was pinned at this moment of the show. */
export function ReplayPin({ product }: { product: TReplay["products"][number] }) {
  const t = useTranslations("player");
  const locale = useLocale();
  return (
    <div
      data-testid="replay-pinned"
      data-product-id={product.id}
      className="absolute top-12 left-3 z-10 flex max-w-[60%] items-center gap-2 rounded-xl bg-white/95 p-2 pr-3 shadow-lg"
    >
      {product.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- small local SVG thumbnails
        <img src={product.imageUrl} alt="" className="size-10 rounded-lg object-cover" />
      )}
      <div className="min-w-0">
        <p className="text-brand-700 text-[10px] font-bold tracking-wide uppercase">{t("pinnedNow")}</p>
        <p className="truncate text-sm font-semibold text-zinc-950">{product.name}</p>
        <p className="text-xs font-bold text-zinc-800 tabular-nums">
          {formatPrice(product.priceMinor, product.currency, locale)}
        </p>
      </div>
    </div>
  );
}
