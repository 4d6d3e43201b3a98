import Link from "next/link";
import type { FormEvent, ReactNode, RefObject } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonStyles } from "@/components/ui/button-styles";

/**
 * The frame of the sign-in and sign-up forms: the form's alert, the fields, a submit button that spins while
 * pending, and the link to the other form (carrying `next` along).
 */
export function AuthForm({
  onSubmit,
  pending,
  formError,
  alertRef,
  submitLabel,
  switchTo,
  children,
}: {
  onSubmit: () => void;
  pending: boolean;
  formError: string | null;
  alertRef: RefObject<HTMLDivElement | null>;
  submitLabel: { idle: string; pending: string };
  switchTo: { prompt: string; label: string; path: "/login" | "/signup"; next: string | null };
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit();
      }}
      className="flex flex-col gap-5"
      aria-busy={pending}
    >
      <FormAlert ref={alertRef} message={formError} />
      {children}
      <button type="submit" disabled={pending} className={buttonStyles({ size: "lg", className: "w-full" })}>
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        )}
        {pending ? submitLabel.pending : submitLabel.idle}
      </button>
      <p className="text-center text-sm text-zinc-700">
        {switchTo.prompt}{" "}
        <Link
          href={switchTo.next ? `${switchTo.path}?next=${encodeURIComponent(switchTo.next)}` : switchTo.path}
          className="text-brand-700 hover:text-brand-800 font-semibold underline underline-offset-2"
        >
          {switchTo.label}
        </Link>
      </p>
    </form>
  );
}
