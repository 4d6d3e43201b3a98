"use client";
import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/api/request";
import { forgetMe } from "@/lib/session/queries";

/** Failure codes with their own sentence above the form; any other shows the server's message. */
const FORM_ERRORS = {
  INVALID_CREDENTIALS: "errors.invalidCredentials",
  EMAIL_TAKEN: "errors.emailTaken",
  INVALID: "errors.fix",
  RATE_LIMITED: "errors.rateLimited",
  NETWORK: "errors.network",
} as const;
const isFormError = (code: string): code is keyof typeof FORM_ERRORS => code in FORM_ERRORS;

/**
 * The submit cycle the sign-in and sign-up forms share: show the browser's own checks first (focusing the
 * first field in error, its input's id being `<idPrefix>-<field>`), else send; on success forget who was
 * signed in (the `["me"]` query) and go on to `next`, on failure mark the fields and focus the form's alert.
 */
export function useAuthSubmit<K extends string>({
  idPrefix,
  order,
  next,
}: {
  idPrefix: string;
  /** The fields top to bottom: the first one in error takes the focus. */
  order: readonly K[];
  next: string | null;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [fields, setFields] = useState<Partial<Record<K, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (send: () => Promise<unknown>) => send(),
    onSuccess: () => void forgetMe(queryClient),
  });

  function submit({
    local,
    send,
    fromServer,
  }: {
    local: Partial<Record<K, string>>;
    /** The sign-in or sign-up call (lib/session/client.ts). */
    send: () => Promise<unknown>;
    /** The fields' sentences for a refused post. */
    fromServer: (failure: ApiRequestError) => Partial<Record<K, string>>;
  }) {
    setFields(local);
    setFormError(null);
    const first = order.find((k) => local[k]);
    if (first) {
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    startTransition(async () => {
      const failure = await mutateAsync(send).then(
        () => null,
        (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, "NETWORK", "")),
      );
      if (!failure) {
        router.push(next ?? "/");
        router.refresh();
        return;
      }
      setFields(fromServer(failure));
      setFormError(
        isFormError(failure.code) ? t(FORM_ERRORS[failure.code]) : failure.detail || t("errors.generic"),
      );
      requestAnimationFrame(() => alertRef.current?.focus());
    });
  }

  /** A field's id (the one `submit` focuses) and its error. */
  const field = (name: K) => ({ id: `${idPrefix}-${name}`, error: fields[name] });

  return { field, submit, form: { pending, formError, alertRef } };
}
