"use client";
import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ApiRequestError } from "@/lib/api/request";
import type { TEngageNamespace, TEngageProduct } from "@/components/engage/engage-fields";

/**
 * A start form's errors (by field, `_` for the rest) and busy flag; `run` posts, clearing the errors on
 * success and taking the API's field errors and message on a refusal.
 */
export function useStartForm(genericError: string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { mutateAsync, isPending: busy } = useMutation({
    mutationFn: (post: () => Promise<void>) => post(),
    onSuccess: () => setErrors({}),
    onError: (err) => {
      const e = err instanceof ApiRequestError ? err : null;
      setErrors({ ...(e?.fields ?? {}), _: e?.message ?? genericError });
    },
  });
  // The outcome is in `errors`: the caller awaits the post, never its failure.
  const run = (post: () => Promise<void>) => mutateAsync(post).catch(() => undefined);
  return { errors, setErrors, busy, run };
}

/** The start form's grid, or a sentence instead when the show has no product to start one on. */
export function StartFormFrame({
  namespace,
  products,
  onSubmit,
  children,
}: {
  namespace: TEngageNamespace;
  products: TEngageProduct[];
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const t = useTranslations(namespace);
  if (products.length === 0) return <p className="text-sm text-zinc-600">{t("noProducts")}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
    >
      {children}
    </form>
  );
}
