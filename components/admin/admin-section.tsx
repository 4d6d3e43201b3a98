import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** An admin page's titled section; `tools` (filters) sit on the heading's right and wrap under it when narrow. */
export function AdminSection({
  id,
  heading,
  tools,
  className,
  children,
}: {
  id: string;
  heading: ReactNode;
  tools?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const title = (
    <h2 id={id} className={cx(!tools && "mb-3", "text-lg font-black tracking-tight text-zinc-950")}>
      {heading}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={className}>
      {tools ? (
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          {title}
          <div className="flex flex-wrap gap-2">{tools}</div>
        </div>
      ) : (
        title
      )}
      {children}
    </section>
  );
}
