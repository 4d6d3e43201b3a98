"use client";
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { MAX_TEXT_LENGTH } from "@/lib/chat/protocol";
import { cx } from "@/components/ui/cx";
import { settle } from "@/lib/api/request";
import { postNotice } from "@/lib/chat/staff-client";
import { useDescribeFailure } from "@/components/chat/use-describe-failure";

/** "Post a notice": a message of kind `notice`, pinned at the top of every viewer's chat in every group. */
export function NoticeForm({ roomId }: { roomId: string }) {
  const t = useTranslations("chat.staff.notice");
  const tStaff = useTranslations("chat.staff");
  const describe = useDescribeFailure();
  const [text, setText] = useState("");
  const post = useMutation({ mutationFn: (notice: string) => postNotice(roomId, notice) });
  const pending = post.isPending;
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const length = text.trim().length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending || length === 0 || length > MAX_TEXT_LENGTH) return;
    setResult(null);
    const res = await settle(post.mutateAsync(text.trim()));
    if (res.ok) {
      setText("");
      setResult({ ok: true, text: res.data.pushed === false ? tStaff("notPushed") : t("posted") });
    } else setResult({ ok: false, text: describe(res.error) });
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="border-b border-zinc-100 px-4 py-4" aria-busy={pending}>
      <label htmlFor={id} className="block text-sm font-bold text-zinc-950">
        {t("heading")}
      </label>
      <p id={`${id}-help`} className="mb-2.5 pt-0.5 text-xs text-zinc-600">
        {t("help")}
      </p>
      <textarea
        id={id}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("placeholder")}
        aria-describedby={`${id}-help`}
        aria-invalid={length > MAX_TEXT_LENGTH || undefined}
        className={cx(
          "focus:border-brand-600 block w-full resize-none rounded-lg border px-2.5 py-2 text-base placeholder:text-zinc-600 sm:text-sm",
          length > MAX_TEXT_LENGTH ? "border-red-600" : "border-zinc-300",
        )}
      />
      <div className="mt-2 flex items-center gap-2">
        <span
          className={cx(
            "text-xs tabular-nums",
            length > MAX_TEXT_LENGTH ? "font-bold text-red-700" : "text-zinc-600",
          )}
        >
          {length}/{MAX_TEXT_LENGTH}
        </span>
        <button
          type="submit"
          disabled={pending || length === 0 || length > MAX_TEXT_LENGTH}
          className="bg-brand-700 hover:bg-brand-800 ml-auto inline-flex h-8 items-center rounded-lg px-3 text-xs font-semibold text-white shadow-sm disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-600 disabled:shadow-none"
        >
          {pending ? t("posting") : t("submit")}
        </button>
      </div>
      <p
        role="status"
        className={cx(
          "mt-2 rounded-md px-2.5 py-1.5 text-xs font-medium empty:hidden",
          result?.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800",
        )}
      >
        {result?.text}
      </p>
    </form>
  );
}
