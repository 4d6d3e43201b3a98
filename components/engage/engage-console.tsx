import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { cx } from "@/components/ui/cx";

/**
 * The frame of a console panel for auctions or giveaways: heading, a load error, the start form (null while
 * one runs), the current one, or `empty` once the list is known to be empty, and the earlier ones.
 */
export function EngageConsole({
  id,
  heading,
  loadFailed,
  start,
  current,
  empty,
  earlier,
}: {
  /** Names the section (`<id>-console`: its test id and, with -heading, its heading id). */
  id: string;
  heading: string;
  /** The load error's sentence, or null. */
  loadFailed: string | null;
  start: ReactNode;
  current: ReactNode;
  /** Shown when there is no current one and the list has loaded; null otherwise. */
  empty: string | null;
  earlier: { heading: string; list: ReactNode } | null;
}) {
  return (
    <section
      aria-labelledby={`${id}-console-heading`}
      className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm"
      data-testid={`${id}-console`}
    >
      <h2 id={`${id}-console-heading`} className="mb-3 text-base font-black tracking-tight text-zinc-950">
        {heading}
      </h2>
      {loadFailed ? (
        <p role="alert" className="mb-3 text-sm font-semibold text-red-700">
          {loadFailed}
        </p>
      ) : null}
      {start}
      {current ? (
        <div className="mt-4 flex flex-col gap-4 border-t border-zinc-200 pt-4">{current}</div>
      ) : empty ? (
        <p className="mt-4 text-sm text-zinc-600">{empty}</p>
      ) : null}
      {earlier ? (
        <div className="mt-4 border-t border-zinc-200 pt-4">
          <h3 className="mb-2 text-sm font-bold text-zinc-900">{earlier.heading}</h3>
          {earlier.list}
        </div>
      ) : null}
    </section>
  );
}

/** A start form's submit button and the refusal that is not about one field. */
export function StartButton({
  label,
  busy,
  error,
  className,
}: {
  label: string;
  busy: boolean;
  error: string | undefined;
  className?: string;
}) {
  return (
    <>
      <div className={cx("flex items-end", className)}>
        <button
          type="submit"
          disabled={busy}
          className={buttonStyles({ variant: "live", className: "w-full" })}
        >
          {label}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm font-semibold text-red-700 sm:col-span-2">
          {error}
        </p>
      ) : null}
    </>
  );
}
