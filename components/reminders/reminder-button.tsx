"use client";
import { useMe } from "@/components/shell/use-me";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setReminder } from "@/lib/reminders/client";
import { ApiRequestError } from "@/lib/api/request";
import { noteReminder } from "@/lib/session/queries";
import { Button } from "@/components/ui/button";
import { buttonStyles } from "@/components/ui/button-styles";
import { cx } from "@/components/ui/cx";

type TProps = {
  roomId: string;
  title: string;
  initialReminded: boolean;
  signedIn: boolean;
  /** Where sign-in brings a signed-out viewer back to. */
  returnTo: string;
  className?: string;
};

/**
 * "Remind me" / "Reminder set" on an upcoming show. Signed out, it is a link to sign in and back. The
 * button's name says the state; a polite status line confirms each change for screen readers.
 */
export function ReminderButton(props: TProps) {
  const { roomId, title, returnTo, className } = props;
  const t = useTranslations("reminders");
  const router = useRouter();
  // A cached page is rendered for a guest: the viewer's own state comes from /api/me.
  const me = useMe();
  const signedIn = me ? me.user !== null : props.signedIn;
  const [changed, setReminded] = useState<boolean | null>(null);
  const reminded = changed ?? (me ? me.remindedRoomIds.includes(roomId) : props.initialReminded);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { mutate, isPending: pending } = useMutation({
    mutationFn: (on: boolean) => setReminder(roomId, on),
    onSuccess: (_, on) => {
      setReminded(on);
      noteReminder(queryClient, roomId, on);
      setStatus(on ? t("setStatus") : t("unsetStatus"));
    },
    onError: (err) => {
      const code = err instanceof ApiRequestError ? err.code : "";
      setError(code === "SHOW_LIVE" ? t("alreadyLive") : code === "SHOW_ENDED" ? t("ended") : t("failed"));
      // The show started or ended meanwhile: the page shows it as it is now.
      if (code === "SHOW_LIVE" || code === "SHOW_ENDED") router.refresh();
    },
  });

  if (!signedIn) {
    return (
      <div className={className}>
        <Link
          href={`/login?next=${encodeURIComponent(returnTo)}`}
          className={buttonStyles({ variant: "primary", size: "sm", className: "relative z-10" })}
          aria-label={t("remindNamed", { title })}
        >
          <BellGlyph />
          {t("remind")}
        </Link>
      </div>
    );
  }

  function toggle() {
    setError(null);
    mutate(!reminded);
  }

  return (
    <div className={cx("flex flex-col items-start gap-1", className)}>
      <Button
        onClick={toggle}
        disabled={pending}
        aria-label={reminded ? t("setNamed", { title }) : t("remindNamed", { title })}
        variant={reminded ? "secondary" : "primary"}
        size="sm"
        className="relative z-10"
        data-reminded={reminded}
      >
        <BellGlyph filled={reminded} />
        {reminded ? t("set") : t("remind")}
      </Button>
      <p role="status" className="sr-only">
        {status}
      </p>
      {error && (
        <p role="alert" className="relative z-10 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The bell drawn next to the words (decorative). */
export function BellGlyph({
  filled = false,
  className = "size-4",
}: {
  filled?: boolean;
  className?: string;
}) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={className}
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </svg>
  );
}
