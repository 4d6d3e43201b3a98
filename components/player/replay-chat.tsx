"use client";
import type { TReplayMessage } from "@/server/media/get-replay";

/** Chat over the lower part of the video, as it was at this moment of the show. */
export function ReplayChat({ messages, label }: { messages: TReplayMessage[]; label: string }) {
  return (
    <ol
      aria-label={label}
      data-testid="replay-chat"
      className="pointer-events-none absolute bottom-14 left-3 z-10 flex max-w-[70%] flex-col gap-1 sm:max-w-[55%]"
    >
      {messages.map((m) => (
        <li
          key={m.id}
          data-message-id={m.id}
          className={`w-fit rounded-2xl px-3 py-1.5 text-sm shadow ${m.kind === "chat" ? "bg-black/60 text-white" : "bg-amber-300/90 text-zinc-950"}`}
        >
          {m.user && <span className="mr-1.5 font-bold">{m.user.name}</span>}
          <span>{m.text}</span>
        </li>
      ))}
    </ol>
  );
}
