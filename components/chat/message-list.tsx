"use client";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TMessage } from "@/lib/chat/protocol";
import { ArrowDownIcon } from "@/components/chat/chat-icons";

/** Closer than this to the bottom counts as "reading the latest". */
const STICK_PX = 48;

/**
 * The scrolling log. Follows new messages while the reader is at the bottom; once they scroll up it stays
 * put and offers a "New messages" button that jumps back down.
 */
export function MessageList({
  messages,
  renderMessage,
  empty,
  label,
}: {
  messages: TMessage[];
  renderMessage: (m: TMessage) => ReactNode;
  empty: ReactNode;
  label: string;
}) {
  const t = useTranslations("chat");
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const seen = useRef<string | null>(null);
  const [unseen, setUnseen] = useState(0);

  const lastId = messages[messages.length - 1]?.id ?? null;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const previous = seen.current;
    seen.current = lastId;
    if (lastId === previous) return;
    if (stuck.current) {
      el.scrollTop = el.scrollHeight;
    } else if (previous !== null && lastId !== null) {
      const fresh = messages.filter((m) => Number(m.id) > Number(previous)).length;
      if (fresh > 0) setUnseen((n) => n + fresh);
    }
  }, [lastId, messages]);

  // Keep the bottom in view when the panel itself resizes (phone keyboard, tab switch, notice banner).
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    stuck.current = atBottom;
    if (atBottom) setUnseen(0);
  }

  function jump() {
    const el = scroller.current;
    if (!el) return;
    stuck.current = true;
    setUnseen(0);
    el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
  }

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={label}
        tabIndex={0}
        data-testid="chat-log"
        className="h-full overflow-y-auto overscroll-contain py-2 focus-visible:outline-offset-[-2px]"
      >
        {messages.length === 0 ? empty : <ol className="flex flex-col">{messages.map(renderMessage)}</ol>}
      </div>
      {unseen > 0 && (
        <button
          type="button"
          onClick={jump}
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-zinc-900 px-3.5 py-1.5 text-xs font-semibold text-white shadow-lg ring-1 ring-black/10 transition hover:bg-black"
        >
          <ArrowDownIcon className="size-3.5" />
          {t("newMessages", { count: unseen })}
        </button>
      )}
    </div>
  );
}
