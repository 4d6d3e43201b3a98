"use client";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { TMessage } from "@/lib/chat/protocol";
import { cx } from "@/components/ui/cx";
import { DotsIcon } from "@/components/chat/chat-icons";

export type TModerationAction =
  { type: "delete" } | { type: "mute"; minutes: number } | { type: "ban" } | { type: "lift" };

export const MUTE_MINUTES = [5, 15, 60] as const;

const keyOf = (a: TModerationAction) => (a.type === "mute" ? `mute-${a.minutes}` : a.type);

/**
 * A message's moderation tools: a "…" button that opens a row of actions under the message (inline, so the
 * scrolling list never clips it). Keyboard: Tab through, Escape closes and returns to the button.
 */
export function MessageActions({
  message,
  authorIsStaff,
  onAction,
}: {
  message: TMessage;
  authorIsStaff: boolean;
  onAction: (message: TMessage, action: TModerationAction) => Promise<boolean>;
}) {
  const t = useTranslations("chat.staff");
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const actions: TModerationAction[] = [{ type: "delete" }];
  if (message.kind === "chat" && !authorIsStaff) {
    actions.push(
      ...MUTE_MINUTES.map((minutes) => ({ type: "mute" as const, minutes })),
      { type: "ban" },
      { type: "lift" },
    );
  }
  const label = (a: TModerationAction) =>
    a.type === "delete"
      ? t("delete")
      : a.type === "mute"
        ? t("mute", { minutes: a.minutes })
        : a.type === "ban"
          ? t("ban")
          : t("lift");

  async function run(a: TModerationAction) {
    setPending(keyOf(a));
    const ok = await onAction(message, a);
    setPending(null);
    if (ok) {
      setOpen(false);
      // A deleted message unmounts with its button; otherwise return focus where the reader was.
      if (a.type !== "delete") toggleRef.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("actionsFor", { name: message.user.name })}
        onClick={() => setOpen((o) => !o)}
        className={cx(
          "absolute top-1 right-1 inline-flex size-7 items-center justify-center rounded-md text-zinc-600 transition hover:bg-zinc-200 hover:text-zinc-900 focus-visible:opacity-100",
          open
            ? "bg-zinc-200 text-zinc-900 opacity-100"
            : "opacity-0 group-hover:opacity-100 [@media(hover:none)]:opacity-100",
        )}
      >
        <DotsIcon />
      </button>
      <div
        id={panelId}
        role="group"
        aria-label={t("actionsFor", { name: message.user.name })}
        hidden={!open}
        onKeyDown={onKeyDown}
        className="mt-1.5 mb-1 flex flex-wrap gap-1.5"
      >
        {actions.map((a) => {
          const key = keyOf(a);
          const destructive = a.type === "delete" || a.type === "ban";
          return (
            <button
              key={key}
              type="button"
              disabled={pending !== null}
              aria-busy={pending === key || undefined}
              onClick={() => void run(a)}
              className={cx(
                "inline-flex h-7 items-center rounded-md border px-2 text-xs font-semibold transition-colors disabled:cursor-wait",
                destructive
                  ? "border-red-200 bg-white text-red-800 hover:bg-red-50"
                  : "border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100",
                pending === key && "animate-pulse",
              )}
            >
              {label(a)}
            </button>
          );
        })}
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            toggleRef.current?.focus();
          }}
          className="inline-flex h-7 items-center rounded-md px-2 text-xs font-semibold text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        >
          {t("close")}
        </button>
      </div>
    </>
  );
}
