"use client";
import Link from "next/link";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/auth/text-field";
import { refreshMe } from "@/components/shell/use-me";
import { EMAIL_PATTERN, PASSWORD_MIN, postAuth } from "@/components/auth/submit-auth";
import { buttonStyles } from "@/components/ui/button-styles";

type TFields = { name?: string; email?: string; password?: string };
const ORDER: (keyof TFields)[] = ["name", "email", "password"];

/** Create an account (POST /api/users): a shopper, or a seller when "I want to sell" is ticked. */
export function SignupForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [seller, setSeller] = useState(false);
  const [fields, setFields] = useState<TFields>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);

  function validate(): TFields {
    const errors: TFields = {};
    const n = name.trim();
    if (n.length < 1) errors.name = t("errors.nameRequired");
    else if (n.length > 60) errors.name = t("errors.nameTooLong");
    if (!EMAIL_PATTERN.test(email.trim())) errors.email = t("errors.emailInvalid");
    if (password.length < PASSWORD_MIN) errors.password = t("errors.passwordShort", { min: PASSWORD_MIN });
    return errors;
  }

  function focusFirst(errors: TFields) {
    const first = ORDER.find((k) => errors[k]);
    if (first) document.getElementById(`signup-${first}`)?.focus();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors = validate();
    setFields(errors);
    setFormError(null);
    if (Object.values(errors).some(Boolean)) {
      focusFirst(errors);
      return;
    }
    startTransition(async () => {
      const failure = await postAuth("/api/users", {
        name: name.trim(),
        email: email.trim(),
        password,
        ...(seller ? { role: "SELLER" } : {}),
      });
      if (!failure) {
        refreshMe();
        router.push(next ?? "/");
        router.refresh();
        return;
      }
      const server: TFields = {};
      if (failure.code === "EMAIL_TAKEN") server.email = t("errors.emailTaken");
      else {
        if (failure.fields.name) server.name = t("errors.nameRequired");
        if (failure.fields.email) server.email = t("errors.emailInvalid");
        if (failure.fields.password) server.password = t("errors.passwordShort", { min: PASSWORD_MIN });
      }
      setFields(server);
      setFormError(
        failure.code === "EMAIL_TAKEN"
          ? t("errors.emailTaken")
          : failure.code === "INVALID"
            ? t("errors.fix")
            : failure.code === "RATE_LIMITED"
              ? t("errors.rateLimited")
              : failure.code === "NETWORK"
                ? t("errors.network")
                : failure.message || t("errors.generic"),
      );
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-busy={pending}>
      <FormAlert ref={alertRef} message={formError} />
      <TextField
        id="signup-name"
        label={t("name")}
        name="name"
        autoComplete="name"
        required
        maxLength={60}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
      />
      <TextField
        id="signup-email"
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
        id="signup-password"
        label={t("password")}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <div className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3">
        <input
          id="signup-seller"
          type="checkbox"
          checked={seller}
          onChange={(e) => setSeller(e.target.checked)}
          aria-describedby="signup-seller-hint"
          className="accent-brand-700 mt-0.5 size-5 shrink-0"
        />
        <div>
          <label htmlFor="signup-seller" className="text-sm font-semibold text-zinc-900">
            {t("wantToSell")}
          </label>
          <p id="signup-seller-hint" className="text-xs text-zinc-600">
            {t("wantToSellHint")}
          </p>
        </div>
      </div>
      <button type="submit" disabled={pending} className={buttonStyles({ size: "lg", className: "w-full" })}>
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        )}
        {pending ? t("creating") : t("createAccount")}
      </button>
      <p className="text-center text-sm text-zinc-700">
        {t("haveAccount")}{" "}
        <Link
          href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
          className="text-brand-700 hover:text-brand-800 font-semibold underline underline-offset-2"
        >
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
