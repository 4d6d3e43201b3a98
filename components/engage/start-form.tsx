"use client";
import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ApiRequestError } from "@/lib/api/request";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { DurationField, ProductField, type TEngageProduct } from "@/components/engage/engage-fields";
import type { TEngageNamespace } from "@/components/engage/engage-pieces";

/** What the console gives a feature's start form: the show, the products one may start on, the callback. */
export type TStartFormProps<V> = { roomId: string; products: TEngageProduct[]; onStarted: (item: V) => void };

/**
 * A start form's state: the product (the first with stock) and duration every live item has, its errors
 * (by field, `_` for the rest) and busy flag; `run` posts, clearing the errors on success and taking the
 * API's field errors and message on a refusal.
 */
export function useStartForm(namespace: TEngageNamespace, products: TEngageProduct[]) {
  const t = useTranslations(namespace);
  const [productId, setProductId] = useState(() => products.find((p) => p.stock > 0)?.id ?? "");
  const [durationSeconds, setDurationSeconds] = useState(60);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { mutateAsync, isPending: busy } = useMutation({
    mutationFn: (post: () => Promise<void>) => post(),
    onSuccess: () => setErrors({}),
    onError: (err) => {
      const e = err instanceof ApiRequestError ? err : null;
      setErrors({ ...(e?.fields ?? {}), _: e?.message ?? t("errors.generic") });
    },
  });
  // The outcome is in `errors`: the caller awaits the post, never its failure.
  const run = (post: () => Promise<void>) => mutateAsync(post).catch(() => undefined);
  /** What starting any live item asks for (server/engage/start-live-item.ts). */
  const start = { productId, durationSeconds };
  return { namespace, products, start, setProductId, setDurationSeconds, errors, setErrors, busy, run };
}

/**
 * The start form: the product, the feature's own fields, the duration and the start button, in a grid of
 * two columns; a sentence instead when the show has no product to start one on. `submit` runs once a
 * product with stock is chosen.
 */
export function StartForm({
  form,
  submit,
  buttonClassName,
  children,
}: {
  form: ReturnType<typeof useStartForm>;
  /** Posts `form.start` with the feature's own fields. */
  submit: () => Promise<void>;
  /** The button's place in the grid (after an odd number of the feature's fields: `sm:col-span-2`). */
  buttonClassName?: string;
  children: ReactNode;
}) {
  const { namespace, products, start, errors } = form;
  const t = useTranslations(namespace);
  if (products.length === 0) return <p className="text-sm text-zinc-600">{t("noProducts")}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (start.productId === "") form.setErrors({ productId: t("chooseProduct") });
        else void submit();
      }}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
    >
      <ProductField
        namespace={namespace}
        products={products}
        value={start.productId}
        onChange={form.setProductId}
        error={errors.productId}
      />
      {children}
      <DurationField
        namespace={namespace}
        value={start.durationSeconds}
        onChange={form.setDurationSeconds}
        error={errors.durationSeconds}
      />
      <div className={cx("flex items-end", buttonClassName)}>
        <Button type="submit" disabled={form.busy} variant="live" className="w-full">
          {t("start")}
        </Button>
      </div>
      {errors._ ? (
        <p role="alert" className="text-sm font-semibold text-red-700 sm:col-span-2">
          {errors._}
        </p>
      ) : null}
    </form>
  );
}
