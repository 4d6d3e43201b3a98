import type { ReactNode } from "react";

/**
 * A decorative line icon drawn from `shapes` on a 24-unit grid in the current text colour. aria-hidden: the
 * text next to it carries the meaning. `size` is its class when the caller gives none.
 */
export function lineIcon(shapes: ReactNode, { size, strokeWidth }: { size: string; strokeWidth: number }) {
  return function LineIcon({ className = size }: { className?: string }) {
    return (
      <svg
        aria-hidden="true"
        className={className}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {shapes}
      </svg>
    );
  };
}
