import type { ReactNode } from "react";

/** Title row of a studio or admin page, with optional actions on the right. */
export function PageHeading({
  title,
  lead,
  actions,
  eyebrow,
}: {
  title: string;
  lead?: string;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {eyebrow}
        <h1 className="text-2xl font-black tracking-tight text-zinc-950 sm:text-3xl">{title}</h1>
        {lead && <p className="mt-1 text-sm text-zinc-600">{lead}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
