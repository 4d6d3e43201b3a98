"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { GroupsIcon } from "@/components/chat/chat-icons";

/**
 * "Chat group 2 of 4", shown only while the room is separated, with a tooltip saying why. The tooltip shows on
 * hover and on keyboard focus, is the button's description for screen readers, and Escape hides it.
 */
export function GroupChip({ index, count }: { index: number; count: number }) {
  const t = useTranslations("chat");
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span className="group/tip relative inline-flex">
      <button
        type="button"
        aria-describedby={tipId}
        onKeyDown={(e) => {
          if (e.key === "Escape") setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
        onMouseLeave={() => setDismissed(false)}
        className="inline-flex h-6 cursor-help items-center gap-1 rounded-full border border-zinc-300 bg-white px-2 text-xs font-semibold text-zinc-700 hover:bg-zinc-50"
      >
        <GroupsIcon className="size-3.5" />
        {t("group", { index, count })}
      </button>
      <span
        id={tipId}
        role="tooltip"
        className={cx(
          "pointer-events-none absolute top-full left-0 z-20 mt-2 w-64 rounded-lg bg-zinc-900 px-3 py-2 text-xs leading-relaxed font-normal text-white shadow-lg",
          "invisible opacity-0 transition-opacity group-focus-within/tip:visible group-focus-within/tip:opacity-100 group-hover/tip:visible group-hover/tip:opacity-100",
          dismissed && "invisible! opacity-0!",
        )}
      >
        {t("groupHelp")}
      </span>
    </span>
  );
}
