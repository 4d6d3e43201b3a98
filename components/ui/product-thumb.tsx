import { cx } from "@/components/ui/cx";

/** A product image (decorative: the product's name is always printed next to it), or a neutral tile. */
export function ProductThumb({ src, className }: { src: string | null; className?: string }) {
  if (!src)
    return (
      <div aria-hidden="true" className={cx("bg-gradient-to-br from-zinc-100 to-zinc-200", className)} />
    );
  // Product images are small local or seller-hosted SVG/PNG files: a plain img keeps any host working.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt="" loading="lazy" className={cx("bg-zinc-100 object-cover", className)} />;
}
