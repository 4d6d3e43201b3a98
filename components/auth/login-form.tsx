"use client";
import Link from "next/link";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/auth/text-field";
import { refreshMe } from "@/components/shell/use-me";
import { EMAIL_PATTERN, postAuth } from "@/components/auth/submit-auth";
import { buttonStyles } from "@/components/ui/button-styles";

type TFields = { email?: string; password?: string };

/** Sign in with email and password (POST /api/session), then back to where the visitor was going. */
export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fields, setFields] = useState<TFields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);

  function validate(): TFields {
    const errors: TFields = {};
    if (!EMAIL_PATTERN.test(email.trim())) errors.email = t("errors.emailInvalid");
    if (!password) errors.password = t("errors.passwordRequired");
    return errors;
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors = validate();
    setFields(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? "login-email" : "login-password")?.focus();
      return;
    }
    startTransition(async () => {
      const failure = await postAuth("/api/session", { email: email.trim(), password });
      if (!failure) {
        refreshMe();
        router.push(next ?? "/");
        router.refresh();
        return;
      }
      setFields({
        email: failure.fields.email ? t("errors.emailInvalid") : undefined,
        password: failure.fields.password ? t("errors.passwordRequired") : undefined,
      });
      setFormError(
        failure.code === "INVALID_CREDENTIALS"
          ? t("errors.invalidCredentials")
          : failure.code === "RATE_LIMITED"
            ? t("errors.rateLimited")
            : failure.code === "NETWORK"
              ? t("errors.network")
              : failure.code === "INVALID"
                ? t("errors.fix")
                : failure.message || t("errors.generic"),
      );
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={pending}>
      <FormAlert ref={alertRef} message={formError} />
      <TextField
        id="login-email"
        label={t("email")}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fields.email}
      />
      <TextField
        id="login-password"
        label={t("password")}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <button type="submit" disabled={pending} className={buttonStyles({ size: "lg", className: "w-full" })}>
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        )}
        {pending ? t("signingIn") : t("signIn")}
      </button>
      <p className="text-center text-sm text-zinc-700">
        {t("noAccount")}{" "}
        <Link
          href={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}
          className="text-brand-700 hover:text-brand-800 font-semibold underline underline-offset-2"
        >
          {t("createAccount")}
        </Link>
      </p>
    </form>
  );
}
