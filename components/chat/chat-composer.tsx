"use client";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  MAX_TEXT_LENGTH,
  type TChatError,
  type TRestriction,
  type TRoomState,
  type TSendAck,
} from "@/lib/chat/protocol";
import { cx } from "@/components/ui/cx";
import { SendIcon } from "@/components/chat/chat-icons";
import { useNow } from "@/components/chat/use-now";
import type { TChatUser } from "@/components/chat/use-chat-room";

type TProps = {
  me: TChatUser | null | undefined;
  /** Room staff are not held back by freeze, slow mode or blocked words. */
  exempt: boolean;
  state: TRoomState | null;
  restriction: TRestriction | null;
  connected: boolean;
  signInHref: string;
  onSend: (text: string) => Promise<TSendAck>;
};

/** A refusal the last send got back; countdowns carry the moment they end. */
type TRefusal = { code: TChatError["code"]; endsAt?: number; until?: string | null };

const WAIT_CODES = new Set(["SLOW_MODE", "RATE_LIMITED"]);

function activeUntil(
  s: { until: string | null } | null | undefined,
  now: number,
): s is { until: string | null } {
  return !!s && (s.until === null || Date.parse(s.until) > now);
}

/** The send box: counter, Enter to send, and every refusal in words a person would want to read. */
export function ChatComposer({ me, exempt, state, restriction, connected, signInHref, onSend }: TProps) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<TRefusal | null>(null);
  /** After our own message in slow mode, the wait the server will enforce, shown before anyone hits it. */
  const [cooldownUntil, setCooldownUntil] = useState(0);
  const [sanction, setSanction] = useState<Pick<TRestriction, "mute" | "ban"> | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const statusId = useId();
  const hintId = useId();
  const inputId = useId();

  // The restriction pushed by the server wins over the one we learnt from a refused send.
  const sanctions = restriction ?? sanction;
  const untilMs = (s: { until: string | null } | null | undefined) => (s?.until ? Date.parse(s.until) : 0);
  const now = useNow(
    Math.max(cooldownUntil, refusal?.endsAt ?? 0, untilMs(sanctions?.mute), untilMs(sanctions?.ban)),
    250,
  );

  if (me === undefined) return <div className="h-24 border-t border-zinc-200" aria-hidden="true" />;

  if (me === null) {
    return (
      <div className="border-t border-zinc-200 p-3">
        <div className="rounded-xl bg-zinc-50 p-3 text-center">
          <p className="mb-2 text-sm text-zinc-700">{t("signInHint")}</p>
          <Link
            href={signInHref}
            className="bg-brand-700 hover:bg-brand-800 inline-flex h-10 w-full items-center justify-center rounded-lg px-4 text-sm font-semibold text-white shadow-sm"
          >
            {t("signIn")}
          </Link>
        </div>
      </div>
    );
  }

  const time = (iso: string) => {
    const d = new Date(iso);
    const sameDay = d.toDateString() === new Date(now).toDateString();
    return format.dateTime(
      d,
      sameDay ? { hour: "numeric", minute: "2-digit" } : { dateStyle: "medium", timeStyle: "short" },
    );
  };
  const secondsLeft = (endsAt: number) => Math.max(1, Math.ceil((endsAt - now) / 1000));

  // Standing blocks: the box is disabled and says why.
  let block: string | null = null;
  if (activeUntil(sanctions?.ban, now)) {
    block = sanctions.ban.until
      ? t("refusal.bannedUntil", { time: time(sanctions.ban.until) })
      : t("refusal.banned");
  } else if (activeUntil(sanctions?.mute, now)) {
    block = sanctions.mute.until
      ? t("refusal.muted", { time: time(sanctions.mute.until) })
      : t("refusal.mutedOpen");
  } else if (state?.frozen && !exempt) {
    block = t("refusal.frozen");
  }

  const length = text.trim().length;
  const over = length - MAX_TEXT_LENGTH;
  // Slow-mode waits end when the host turns slow mode off; a rate limit holds for everyone, staff too.
  const slowOn = (state?.slowModeSeconds ?? 0) > 0;
  const rateEndsAt = refusal?.code === "RATE_LIMITED" ? (refusal.endsAt ?? 0) : 0;
  const slowEndsAt =
    slowOn && !exempt
      ? Math.max(cooldownUntil, refusal?.code === "SLOW_MODE" ? (refusal.endsAt ?? 0) : 0)
      : 0;
  const waitEndsAt = Math.max(rateEndsAt, slowEndsAt);
  const waiting = waitEndsAt > now;

  let message: string | null = null;
  let tone: "error" | "info" = "error";
  if (over > 0) message = t("refusal.tooLong", { max: MAX_TEXT_LENGTH, over });
  else if (waiting) {
    message =
      rateEndsAt > now
        ? t("refusal.rateLimited", { seconds: secondsLeft(rateEndsAt) })
        : t("refusal.slowMode", { seconds: secondsLeft(slowEndsAt) });
    tone = "info";
  } else if (refusal && !WAIT_CODES.has(refusal.code)) message = describe(refusal.code);

  function describe(code: TChatError["code"]): string {
    switch (code) {
      case "BLOCKED_WORD":
        return t("refusal.blockedWord");
      case "TOO_LONG":
        return t("refusal.tooLong", { max: MAX_TEXT_LENGTH, over: Math.max(1, over) });
      case "INVALID":
        return t("refusal.empty");
      case "UNAUTHENTICATED":
        return t("refusal.unauthenticated");
      case "NOT_JOINED":
        return t("refusal.notJoined");
      case "UNAVAILABLE":
        return t("refusal.unavailable");
      case "FROZEN":
        return t("refusal.frozen");
      default:
        return t("refusal.generic");
    }
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const value = text.trim();
    if (sending || block || !value || over > 0) return;
    if (waiting) {
      // The countdown is already on screen; nudge the reader to it instead of sending a doomed message.
      setRefusal((r) => (r ? { ...r } : { code: "SLOW_MODE", endsAt: waitEndsAt }));
      return;
    }
    setSending(true);
    setRefusal(null);
    // Clear at once, like every live chat; the text comes back if the message is refused.
    setText("");
    const ack = await onSend(value);
    setSending(false);
    if (ack.ok) {
      const slow = state?.slowModeSeconds ?? 0;
      if (slow > 0 && !exempt) setCooldownUntil(Date.now() + slow * 1000);
    } else {
      const { code, retryAfterMs, until } = ack.error;
      setText((current) => (current === "" ? value : current));
      if (code === "MUTED" || code === "BANNED") {
        setSanction({
          mute: code === "MUTED" ? { until: until ?? null } : null,
          ban: code === "BANNED" ? { until: until ?? null } : null,
        });
      } else {
        setRefusal({ code, endsAt: retryAfterMs !== undefined ? Date.now() + retryAfterMs : undefined });
      }
    }
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter is a new line, and an IME still composing Hangul keeps its Enter.
    if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    void submit();
  }

  const disabled = !!block;
  const canSend = !disabled && !sending && length > 0 && over <= 0 && !waiting && connected;
  const statusText = block ?? message;
  const slowHint =
    !exempt && (state?.slowModeSeconds ?? 0) > 0
      ? t("slowModeOn", { seconds: state?.slowModeSeconds ?? 0 })
      : null;

  return (
    <form onSubmit={(e) => void submit(e)} className="border-t border-zinc-200 p-3" aria-busy={sending}>
      <p
        id={statusId}
        role="status"
        className={cx(
          // A standing block is spelt out in the disabled box itself; the status still announces it.
          block
            ? "sr-only"
            : "mb-2 flex items-start gap-2 rounded-lg px-3 py-2 text-sm font-medium empty:hidden",
          tone === "error" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900",
        )}
      >
        {statusText}
      </p>
      <label htmlFor={inputId} className="sr-only">
        {t("inputLabel")}
      </label>
      <div
        className={cx(
          "focus-within:border-brand-600 focus-within:ring-brand-200 rounded-xl border transition-shadow focus-within:ring-2",
          disabled
            ? "border-red-200 bg-red-50"
            : over > 0
              ? "border-red-600 bg-white"
              : "border-zinc-300 bg-white",
        )}
      >
        <textarea
          ref={inputRef}
          id={inputId}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            if (refusal && !WAIT_CODES.has(refusal.code)) setRefusal(null);
          }}
          onKeyDown={onKeyDown}
          rows={1}
          placeholder={block ?? t("placeholder")}
          title={block ?? undefined}
          aria-describedby={`${statusId} ${hintId}`}
          aria-invalid={over > 0 || refusal?.code === "BLOCKED_WORD" || undefined}
          enterKeyHint="send"
          className={cx(
            "block [field-sizing:content] max-h-32 min-h-11 w-full resize-none rounded-xl bg-transparent px-3 pt-2.5 pb-1 text-base text-zinc-900 focus:outline-none focus-visible:outline-none disabled:cursor-not-allowed sm:text-sm",
            disabled ? "font-medium placeholder:text-red-800" : "placeholder:text-zinc-600",
          )}
        />
        <div className="flex items-center gap-2 px-2 pb-2">
          <p id={hintId} className="min-w-0 flex-1 truncate pl-1 text-xs text-zinc-600">
            {disabled ? null : (slowHint ?? (length > 0 ? null : t("keyHint")))}
          </p>
          {length > 0 && (
            <span
              className={cx(
                "text-xs tabular-nums",
                over > 0
                  ? "font-bold text-red-700"
                  : length > MAX_TEXT_LENGTH - 50
                    ? "text-amber-800"
                    : "text-zinc-600",
              )}
            >
              <span aria-hidden="true">
                {length}/{MAX_TEXT_LENGTH}
              </span>
              <span className="sr-only">{t("counter", { count: length, max: MAX_TEXT_LENGTH })}</span>
            </span>
          )}
          <button
            type="submit"
            disabled={!canSend}
            aria-label={t("send")}
            title={t("send")}
            className="bg-brand-700 hover:bg-brand-800 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-white shadow-sm transition-colors disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-600 disabled:shadow-none"
          >
            <SendIcon className="size-4" />
          </button>
        </div>
      </div>
    </form>
  );
}
