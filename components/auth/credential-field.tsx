import { useTranslations } from "next-intl";
import { TextField } from "@/components/auth/text-field";
import { EMAIL_PATTERN } from "@/components/auth/credential-rules";

/** How each credential is typed, named and autocompleted, so password managers fill the right one. */
const KINDS = {
  email: { type: "email", name: "email", autoComplete: "email", inputMode: "email" },
  password: { type: "password", name: "password", autoComplete: "current-password" },
  newPassword: { type: "password", name: "password", autoComplete: "new-password" },
} as const;

/** The email or password field of the sign-in and sign-up forms (`newPassword`: one being chosen). */
export function CredentialField({
  kind,
  id,
  value,
  onChange,
  error,
  hint,
}: {
  kind: keyof typeof KINDS;
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
}) {
  const t = useTranslations("auth");
  return (
    <TextField
      id={id}
      label={t(kind === "email" ? "email" : "password")}
      {...KINDS[kind]}
      required
      hint={hint}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Whether the browser lets an address through to the server (the server checks it again). */
export const looksLikeEmail = (email: string) => EMAIL_PATTERN.test(email.trim());
