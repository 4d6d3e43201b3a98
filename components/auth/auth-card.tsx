import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** The centred card that holds the sign-in and sign-up forms. */
export function AuthCard({
  title,
  lead,
  children,
  aside,
}: {
  title: string;
  lead: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div
      className={cx(
        "mx-auto grid gap-8 px-4 py-10 sm:py-16 lg:items-start",
        aside ? "max-w-5xl lg:grid-cols-[1fr_380px]" : "max-w-md",
      )}
    >
      <div className="mx-auto w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 lg:mx-0 lg:max-w-none">
        <h1 className="text-2xl font-black tracking-tight text-zinc-950">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-zinc-600">{lead}</p>
        {children}
      </div>
      {aside}
    </div>
  );
}
