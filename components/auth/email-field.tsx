import { useTranslations } from "next-intl";
import { TextField } from "@/components/auth/text-field";
import { EMAIL_PATTERN } from "@/components/auth/submit-auth";

/** The email field of the sign-in and sign-up forms. */
export function EmailField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const t = useTranslations("auth");
  return (
    <TextField
      id={id}
      label={t("email")}
      type="email"
      name="email"
      autoComplete="email"
      inputMode="email"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Whether the browser lets an address through to the server (the server checks it again). */
export const looksLikeEmail = (email: string) => EMAIL_PATTERN.test(email.trim());
