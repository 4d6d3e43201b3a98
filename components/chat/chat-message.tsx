"use client";
import { memo, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TMessage } from "@/lib/chat/protocol";
import { cx } from "@/components/ui/cx";
import { MegaphoneIcon } from "@/components/chat/chat-icons";
import { MessageActions, type TModerationAction } from "@/components/chat/message-actions";

/** Name colours, all at least 4.5:1 on white (and on the hover tint). */
const NAME_COLOURS = [
  "text-rose-700",
  "text-orange-700",
  "text-amber-700",
  "text-lime-700",
  "text-emerald-700",
  "text-teal-700",
  "text-cyan-700",
  "text-sky-700",
  "text-blue-700",
  "text-indigo-700",
  "text-violet-700",
  "text-fuchsia-700",
  "text-pink-700",
];

function colourOf(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) | 0;
  return NAME_COLOURS[Math.abs(h) % NAME_COLOURS.length] ?? "text-zinc-900";
}

export function RoleBadge({ role }: { role: TMessage["user"]["role"] }) {
  const t = useTranslations("chat");
  if (role === "SHOPPER") return null;
  return (
    <span
      className={cx(
        "mr-1 inline-flex translate-y-[-1px] items-center rounded px-1.5 py-px align-middle text-[11px] leading-4 font-bold tracking-wide uppercase",
        role === "SELLER" ? "bg-brand-700 text-white" : "bg-zinc-900 text-white",
      )}
    >
      {role === "SELLER" ? t("seller") : t("admin")}
    </span>
  );
}

export type TStaffView = {
  groupLabel: string;
  /** Whether the author is room staff (no mute/ban offered). */
  authorIsStaff: boolean;
  sanction: "MUTE" | "BAN" | null;
  onAction: (message: TMessage, action: TModerationAction) => Promise<boolean>;
};

/** One line of chat. Text is rendered as text: React escapes it, and nothing here parses HTML. */
export const ChatMessage = memo(function ChatMessage({
  message,
  staff,
}: {
  message: TMessage;
  staff?: TStaffView;
}) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const time = (
    <time dateTime={message.createdAt} className="mr-1.5 text-[11px] text-zinc-600 tabular-nums">
      {format.dateTime(new Date(message.createdAt), { hour: "numeric", minute: "2-digit" })}
    </time>
  );

  if (message.kind === "system") {
    return (
      <MessageItem message={message} className="px-3 py-1.5 text-center text-xs text-zinc-600">
        <span className="inline-block rounded-full bg-zinc-100 px-3 py-1 italic">{message.text}</span>
      </MessageItem>
    );
  }

  const actions = staff && (
    <MessageActions message={message} authorIsStaff={staff.authorIsStaff} onAction={staff.onAction} />
  );

  if (message.kind === "notice") {
    return (
      <MessageItem
        message={message}
        className="group border-brand-200 bg-brand-50 relative mx-1 my-1.5 rounded-lg border px-3 py-2"
      >
        <p className="text-brand-800 mb-0.5 flex items-center gap-1.5 text-[11px] font-bold tracking-wide uppercase">
          <MegaphoneIcon className="size-3.5" />
          {t("notice")}
          <span className="font-normal tracking-normal normal-case">· {message.user.name}</span>
        </p>
        <p className="text-sm break-words whitespace-pre-wrap text-zinc-900">{message.text}</p>
        {actions}
      </MessageItem>
    );
  }

  return (
    <MessageItem
      message={message}
      className={cx(
        "group relative rounded-md px-3 py-1 text-sm leading-6 hover:bg-zinc-50",
        staff && "pr-10",
      )}
    >
      {staff && (
        <>
          {time}
          <span className="mr-1.5 inline-flex translate-y-[-1px] items-center rounded border border-zinc-300 px-1 align-middle text-[11px] leading-4 font-semibold text-zinc-700">
            {staff.groupLabel}
          </span>
        </>
      )}
      <RoleBadge role={message.user.role} />
      <span className={cx("font-bold", colourOf(message.user.id))}>{message.user.name}</span>
      {staff?.sanction && (
        <span className="ml-1 inline-flex translate-y-[-1px] items-center rounded bg-red-100 px-1 align-middle text-[11px] leading-4 font-semibold text-red-800">
          {staff.sanction === "BAN" ? t("staff.banned") : t("staff.muted")}
        </span>
      )}
      <span className="text-zinc-600">: </span>
      <span className="break-words whitespace-pre-wrap text-zinc-900">{message.text}</span>
      {actions}
    </MessageItem>
  );
});

/** One line of the log, named by its id and kind (and, for chat, the node that took it) for tests and tools. */
function MessageItem({
  message,
  className,
  children,
}: {
  message: TMessage;
  className: string;
  children: ReactNode;
}) {
  return (
    <li
      data-message-id={message.id}
      data-kind={message.kind}
      data-node-id={message.kind === "chat" ? message.nodeId : undefined}
      className={className}
    >
      {children}
    </li>
  );
}
