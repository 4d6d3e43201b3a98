"use client";
import { useCallback, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useDismiss } from "@/components/ui/use-dismiss";
import { ApiRequestError } from "@/lib/api/request";
import { signOut as endSession } from "@/lib/session/client";
import { forgetMe } from "@/lib/session/queries";

type TProps = { name: string; email: string; roleLabel: string };

/** The signed-in person's name and role, with Sign out, in a disclosure panel. */
export function AccountMenu({ name, email, roleLabel }: TProps) {
  const t = useTranslations("shell");
  const tc = useTranslations("commerce");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({
    // A 401 means the session had already ended: signed out all the same.
    mutationFn: () =>
      endSession().catch((err: unknown) => {
        if (!(err instanceof ApiRequestError && err.status === 401)) throw err;
      }),
    onSuccess: () => void forgetMe(queryClient),
  });

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);

  function signOut() {
    setFailed(false);
    startTransition(async () => {
      const failed = await mutateAsync().then(
        () => false,
        () => true,
      );
      if (failed) {
        setFailed(true);
        return;
      }
      setOpen(false);
      router.push("/");
      router.refresh();
    });
  }

  const initial = name.trim().charAt(0).toUpperCase() || "?";

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex h-9 items-center gap-2 rounded-full border border-zinc-300 bg-white py-0 pr-3 pl-1 text-sm font-semibold text-zinc-800 hover:bg-zinc-50"
      >
        <span
          aria-hidden="true"
          className="bg-brand-100 text-brand-800 grid size-7 place-items-center rounded-full text-xs font-bold"
        >
          {initial}
        </span>
        {/* On a phone the header also holds the language switch and the bell: the initial stands for the name. */}
        <span className="hidden max-w-32 truncate sm:inline">{name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-zinc-600" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg"
      >
        <div className="px-3 py-2">
          <p className="truncate font-semibold text-zinc-900">{name}</p>
          <p className="truncate text-sm text-zinc-600">{email}</p>
          <p className="mt-1.5">
            <span className="bg-brand-50 text-brand-800 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold">
              {t("roleIs", { role: roleLabel })}
            </span>
          </p>
        </div>
        <hr className="my-1 border-zinc-200" />
        <Link
          href="/orders"
          onClick={() => setOpen(false)}
          className="block w-full rounded-lg px-3 py-2 text-left text-sm font-semibold text-zinc-800 hover:bg-zinc-100"
        >
          {tc("myOrders")}
        </Link>
        <button
          type="button"
          onClick={signOut}
          disabled={pending}
          className="w-full rounded-lg px-3 py-2 text-left text-sm font-semibold text-zinc-800 hover:bg-zinc-100 disabled:text-zinc-500"
        >
          {pending ? t("signingOut") : t("signOut")}
        </button>
        {failed && (
          <p role="alert" className="px-3 pb-1 text-sm text-red-700">
            {t("signOutFailed")}
          </p>
        )}
      </div>
    </div>
  );
}
