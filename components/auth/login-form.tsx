"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { AuthForm } from "@/components/auth/auth-form";
import { CredentialField, looksLikeEmail } from "@/components/auth/credential-field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { signIn } from "@/lib/session/client";

const ORDER = ["email", "password"] as const;

/** Sign in with email and password (POST /api/session), then back to where the visitor was going. */
export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { field, submit, form } = useAuthSubmit({ idPrefix: "login", order: ORDER, next });

  function onSubmit() {
    submit({
      local: {
        email: looksLikeEmail(email) ? undefined : t("errors.emailInvalid"),
        password: password ? undefined : t("errors.passwordRequired"),
      },
      send: () => signIn({ email: email.trim(), password }),
      fromServer: (failure) => ({
        email: failure.fields.email ? t("errors.emailInvalid") : undefined,
        password: failure.fields.password ? t("errors.passwordRequired") : undefined,
      }),
    });
  }

  return (
    <AuthForm kind="signIn" next={next} onSubmit={onSubmit} {...form}>
      <CredentialField kind="email" {...field("email")} value={email} onChange={setEmail} />
      <CredentialField kind="password" {...field("password")} value={password} onChange={setPassword} />
    </AuthForm>
  );
}
