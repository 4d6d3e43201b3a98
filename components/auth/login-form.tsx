"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/auth/text-field";
import { AuthForm } from "@/components/auth/auth-form";
import { EmailField, looksLikeEmail } from "@/components/auth/email-field";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";

const ORDER = ["email", "password"] as const;

/** Sign in with email and password (POST /api/session), then back to where the visitor was going. */
export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { fields, submit, form } = useAuthSubmit({ idPrefix: "login", order: ORDER, next });

  function onSubmit() {
    submit({
      local: {
        email: looksLikeEmail(email) ? undefined : t("errors.emailInvalid"),
        password: password ? undefined : t("errors.passwordRequired"),
      },
      url: "/api/session",
      body: { email: email.trim(), password },
      fromServer: (failure) => ({
        email: failure.fields.email ? t("errors.emailInvalid") : undefined,
        password: failure.fields.password ? t("errors.passwordRequired") : undefined,
      }),
    });
  }

  return (
    <AuthForm
      onSubmit={onSubmit}
      {...form}
      submitLabel={{ idle: t("signIn"), pending: t("signingIn") }}
      switchTo={{ prompt: t("noAccount"), label: t("createAccount"), path: "/signup", next }}
    >
      <EmailField id="login-email" value={email} onChange={setEmail} error={fields.email} />
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
    </AuthForm>
  );
}
