"use client";
// Placeholder frame written by the UI work so pages can mount the chat column; the chat tier replaces it.
import { useTranslations } from "next-intl";

export type TChatPanelProps = { roomId: string; mode?: "viewer" | "staff" };

export function ChatPanel({ roomId, mode = "viewer" }: TChatPanelProps) {
  const t = useTranslations("chat");
  return (
    <section
      aria-labelledby={`chat-heading-${roomId}`}
      data-room-id={roomId}
      data-mode={mode}
      className="flex h-full min-h-72 flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm"
    >
      <h2 id={`chat-heading-${roomId}`} className="border-b border-zinc-200 px-4 py-3 text-base font-black tracking-tight text-zinc-950">
        {mode === "staff" ? t("staffHeading") : t("heading")}
      </h2>
      <div className="flex flex-1 items-center justify-center p-6">
        <p role="status" className="flex items-center gap-2 text-sm text-zinc-600">
          <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-amber-500" />
          {t("connecting")}
        </p>
      </div>
    </section>
  );
}
