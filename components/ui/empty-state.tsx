import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** A friendly placeholder for a list with nothing in it. */
export function EmptyState({
  title,
  body,
  action,
  icon,
}: {
  title: string;
  body?: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      {icon && (
        <div
          aria-hidden="true"
          className="bg-brand-50 text-brand-700 mb-3 grid size-14 place-items-center rounded-full"
        >
          {icon}
        </div>
      )}
      <p className="font-semibold text-zinc-900">{title}</p>
      {body && <p className="mt-1 max-w-md text-sm text-zinc-600">{body}</p>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

/** One dashed-bordered sentence where a list or chart has nothing to show yet. */
export function EmptyNote({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p
      className={cx(
        "rounded-xl border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-600",
        className,
      )}
    >
      {children}
    </p>
  );
}
