import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** The white card, named by its heading, that every auction and giveaway box sits in (console, viewer, replay). */
export function EngageSection({
  headingId,
  testId,
  heading,
  className,
  children,
}: {
  headingId: string;
  testId: string;
  heading: string;
  /** Its border and padding. */
  className: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className={cx("rounded-2xl bg-white shadow-sm", className)}
      data-testid={testId}
    >
      <h2 id={headingId} className="mb-3 text-base font-black tracking-tight text-zinc-950">
        {heading}
      </h2>
      {children}
    </section>
  );
}
