"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/auth/text-field";
import { AuthForm } from "@/components/auth/auth-form";
import { CredentialField, looksLikeEmail } from "@/components/auth/credential-field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { PASSWORD_MIN } from "@/components/auth/credential-rules";
import { CheckboxWithHint } from "@/components/ui/checkbox-with-hint";
import { signUp } from "@/lib/session/client";

const ORDER = ["name", "email", "password"] as const;

/** Create an account (POST /api/users): a shopper, or a seller when "I want to sell" is ticked. */
export function SignupForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [seller, setSeller] = useState(false);
  const { field, submit, form } = useAuthSubmit({ idPrefix: "signup", order: ORDER, next });

  function onSubmit() {
    const n = name.trim();
    const passwordShort = t("errors.passwordShort", { min: PASSWORD_MIN });
    submit({
      local: {
        name: n.length < 1 ? t("errors.nameRequired") : n.length > 60 ? t("errors.nameTooLong") : undefined,
        email: looksLikeEmail(email) ? undefined : t("errors.emailInvalid"),
        password: password.length < PASSWORD_MIN ? passwordShort : undefined,
      },
      send: () => signUp({ name: n, email: email.trim(), password, ...(seller ? { role: "SELLER" } : {}) }),
      fromServer: (failure) =>
        failure.code === "EMAIL_TAKEN"
          ? { email: t("errors.emailTaken") }
          : {
              name: failure.fields.name ? t("errors.nameRequired") : undefined,
              email: failure.fields.email ? t("errors.emailInvalid") : undefined,
              password: failure.fields.password ? passwordShort : undefined,
            },
    });
  }

  return (
    <AuthForm kind="signUp" next={next} onSubmit={onSubmit} {...form}>
      <TextField
        {...field("name")}
        label={t("name")}
        name="name"
        autoComplete="name"
        required
        maxLength={60}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <CredentialField kind="email" {...field("email")} value={email} onChange={setEmail} />
      <CredentialField
        kind="newPassword"
        {...field("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        value={password}
        onChange={setPassword}
      />
      <CheckboxWithHint
        id="signup-seller"
        label={t("wantToSell")}
        hint={t("wantToSellHint")}
        checked={seller}
        onChange={setSeller}
        className="rounded-lg border border-zinc-200 bg-zinc-50 p-3"
      />
    </AuthForm>
  );
}
