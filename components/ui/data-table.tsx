import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/**
 * The frame every data table shares (admin lists, the studio's shows): it scrolls sideways on a narrow
 * screen rather than squeezing its columns, so `minWidth` (a Tailwind `min-w-[…]` class) is the width
 * below which it scrolls. `caption` names the table for screen readers.
 */
export function DataTable({
  minWidth,
  caption,
  head,
  children,
}: {
  minWidth: string;
  caption?: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
      <table className={cx("w-full text-left text-sm", minWidth)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-bold tracking-wide text-zinc-700 uppercase">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 text-zinc-700">{children}</tbody>
      </table>
    </div>
  );
}

/** A column's header cell; numbers are right-aligned so their digits line up. */
export function HeadCell({
  children,
  numeric = false,
  roomy = false,
}: {
  children: ReactNode;
  numeric?: boolean;
  roomy?: boolean;
}) {
  return (
    <th scope="col" className={cx(roomy ? "px-4 py-3" : "px-3 py-3", numeric && "text-right")}>
      {children}
    </th>
  );
}

/** The one row a table shows when it has nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-8 text-center text-zinc-600">
        {children}
      </td>
    </tr>
  );
}
