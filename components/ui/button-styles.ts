import { cx } from "@/components/ui/cx";

export type TVariant = "primary" | "secondary" | "ghost" | "danger" | "live";
export type TSize = "sm" | "md" | "lg";

const variants: Record<TVariant, string> = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800 disabled:bg-zinc-300 disabled:text-zinc-700",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-sm hover:bg-zinc-50 disabled:text-zinc-500",
  ghost: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
  danger: "bg-zinc-900 text-white hover:bg-black disabled:bg-zinc-300 disabled:text-zinc-700",
  live: "bg-live text-white shadow-sm hover:brightness-110 disabled:bg-zinc-300 disabled:text-zinc-700",
};

const sizes: Record<TSize, string> = {
  sm: "h-8 px-3 text-sm gap-1.5",
  md: "h-10 px-4 text-sm gap-2",
  lg: "h-12 px-6 text-base gap-2",
};

/** Class names for buttons and button-looking links. */
export function buttonStyles({
  variant = "primary",
  size = "md",
  className,
}: { variant?: TVariant; size?: TSize; className?: string } = {}) {
  return cx(
    "inline-flex items-center justify-center rounded-lg font-semibold whitespace-nowrap transition-colors disabled:cursor-not-allowed",
    variants[variant],
    sizes[size],
    className,
  );
}
