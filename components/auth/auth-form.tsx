import Link from "next/link";
import type { FormEvent, ReactNode, RefObject } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";

/** Each form's submit button (idle, pending) and its link to the other form, as message keys of `auth`. */
const WORDS = {
  signIn: {
    idle: "signIn",
    pending: "signingIn",
    prompt: "noAccount",
    other: "createAccount",
    path: "/signup",
  },
  signUp: {
    idle: "createAccount",
    pending: "creating",
    prompt: "haveAccount",
    other: "signIn",
    path: "/login",
  },
} as const;

/**
 * The frame of the sign-in and sign-up forms: the form's alert, the fields, a submit button that spins while
 * pending, and the link to the other form (carrying `next` along).
 */
export function AuthForm({
  kind,
  next,
  onSubmit,
  pending,
  formError,
  alertRef,
  children,
}: {
  kind: keyof typeof WORDS;
  next: string | null;
  onSubmit: () => void;
  pending: boolean;
  formError: string | null;
  alertRef: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  const t = useTranslations("auth");
  const words = WORDS[kind];
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
      <Button type="submit" disabled={pending} size="lg" className="w-full">
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        )}
        {t(pending ? words.pending : words.idle)}
      </Button>
      <p className="text-center text-sm text-zinc-700">
        {t(words.prompt)}{" "}
        <Link
          href={next ? `${words.path}?next=${encodeURIComponent(next)}` : words.path}
          className="text-brand-700 hover:text-brand-800 font-semibold underline underline-offset-2"
        >
          {t(words.other)}
        </Link>
      </p>
    </form>
  );
}
