"use client";
import { useRef, type KeyboardEvent } from "react";

/** The colours of a selected and an unselected tab (an underline in the brand colour marks the selected one). */
export const tabStateClass = (selected: boolean) =>
  selected ? "border-brand-700 text-brand-800" : "border-transparent text-zinc-600 hover:text-zinc-900";

/**
 * The WAI-ARIA tabs pattern for a row of tab buttons: only the selected tab is in the tab order, and the
 * arrow keys (wrapping), Home and End select and focus another. Returns the props of each tab's button.
 */
export function useTabs<K extends string>({
  order,
  selected,
  select,
  ids,
}: {
  order: readonly K[];
  selected: K;
  select: (key: K) => void;
  /** The tab button's id and the id of the panel it controls. */
  ids: (key: K) => { tab: string; panel: string };
}) {
  const buttons = useRef(new Map<K, HTMLButtonElement | null>());

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = order.indexOf(selected);
    const next =
      e.key === "ArrowRight"
        ? order[(i + 1) % order.length]
        : e.key === "ArrowLeft"
          ? order[(i - 1 + order.length) % order.length]
          : e.key === "Home"
            ? order[0]
            : e.key === "End"
              ? order[order.length - 1]
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    select(next);
    buttons.current.get(next)?.focus();
  }

  return (key: K) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current.set(key, el);
    },
    id: ids(key).tab,
    type: "button" as const,
    role: "tab" as const,
    "aria-selected": selected === key,
    "aria-controls": ids(key).panel,
    tabIndex: selected === key ? 0 : -1,
    onClick: () => select(key),
    onKeyDown,
  });
}
