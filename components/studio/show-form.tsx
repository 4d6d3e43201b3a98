"use client";
import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { TShowFormState } from "@/server/rooms/show-input";
import type { TPickableProduct } from "@/server/rooms/list-seller-products";
import { TextField } from "@/components/auth/text-field";
import { FormField } from "@/components/ui/form-field";
import { buttonStyles } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/button";
import { ProductThumb } from "@/components/ui/product-thumb";
import { cx } from "@/components/ui/cx";
import { formatPrice } from "@/lib/format";
import { EmptyNote } from "@/components/ui/empty-state";

type TAction = (state: TShowFormState, form: FormData) => Promise<TShowFormState>;

export type TShowFormInitial = {
  title: string;
  description: string;
  scheduledAt: string;
  productIds: string[];
};

/** Create or edit a show: details, schedule, and the products in running order. */
export function ShowForm({
  action,
  initial,
  products,
  submitLabel,
  cancelHref,
  minSchedule,
  timeZone: initialTimeZone,
}: {
  action: TAction;
  initial: TShowFormInitial;
  products: TPickableProduct[];
  submitLabel: string;
  cancelHref: string;
  minSchedule?: string;
  /** The IANA zone `initial.scheduledAt` is written in. */
  timeZone: string;
}) {
  const t = useTranslations("showForm");
  const locale = useLocale();
  // The zone the server computed `initial.scheduledAt` in, frozen at mount: a later refresh (time-zone
  // sync) must not pair a wall time from one zone with another zone.
  const [timeZone] = useState(initialTimeZone);
  const [state, formAction, pending] = useActionState(action, { status: "idle" } satisfies TShowFormState);
  const [attached, setAttached] = useState<string[]>(
    initial.productIds.filter((id) => products.some((p) => p.id === id)),
  );
  const [toAdd, setToAdd] = useState("");
  // Controlled, because React resets uncontrolled fields after every form action, errors included.
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [scheduledAt, setScheduledAt] = useState(initial.scheduledAt);
  const [announcement, setAnnouncement] = useState("");
  const ids = { add: useId(), products: useId() };
  const byId = new Map(products.map((p) => [p.id, p]));
  const available = products.filter((p) => !attached.includes(p.id));
  const fields = state.fields ?? {};

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= attached.length) return;
    const next = [...attached];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(target, 0, item);
    setAttached(next);
    setAnnouncement(t("movedTo", { name: byId.get(item)?.name ?? "", position: target + 1 }));
  }

  function remove(id: string) {
    setAttached(attached.filter((x) => x !== id));
    setAnnouncement(t("removed", { name: byId.get(id)?.name ?? "" }));
  }

  function add() {
    const id = toAdd || available[0]?.id;
    if (!id || attached.includes(id)) return;
    setAttached([...attached, id]);
    setToAdd("");
    setAnnouncement(t("added", { name: byId.get(id)?.name ?? "", position: attached.length + 1 }));
  }

  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      {state.status === "error" && state.message && (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
        >
          {state.message}
        </div>
      )}
      <input type="hidden" name="timeZone" value={timeZone} />
      {attached.map((id) => (
        <input key={id} type="hidden" name="productIds" value={id} />
      ))}

      <TextField
        id="show-title"
        label={t("title")}
        name="title"
        required
        maxLength={100}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fields.title}
      />

      <FormField label={t("description")} error={fields.description} look="roomy">
        {(wiring) => (
          <textarea
            {...wiring}
            name="description"
            rows={4}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            className={cx(
              "mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-zinc-900 shadow-sm",
              fields.description ? "border-red-600" : "border-zinc-300",
            )}
          />
        )}
      </FormField>

      <TextField
        id="show-scheduled"
        label={t("scheduledAt")}
        type="datetime-local"
        name="scheduledAt"
        required
        min={minSchedule}
        value={scheduledAt}
        onChange={(e) => setScheduledAt(e.target.value)}
        hint={t("scheduledHint", { zone: timeZone })}
        error={fields.scheduledAt}
        className="max-w-xs"
      />

      <fieldset aria-describedby={fields.productIds ? `${ids.products}-error` : undefined}>
        <legend className="text-sm font-semibold text-zinc-900">{t("products")}</legend>
        <p className="mt-0.5 text-xs text-zinc-600">{t("productsHint")}</p>
        {fields.productIds && (
          <p id={`${ids.products}-error`} className="mt-1 text-sm font-medium text-red-700">
            {fields.productIds}
          </p>
        )}
        {attached.length === 0 ? (
          <EmptyNote className="mt-3">{t("noProducts")}</EmptyNote>
        ) : (
          <ol className="mt-3 flex flex-col gap-2">
            {attached.map((id, i) => {
              const p = byId.get(id);
              if (!p) return null;
              return (
                <li
                  key={id}
                  className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-white p-2 pr-3"
                >
                  <span className="w-6 text-center text-sm font-bold text-zinc-600">{i + 1}</span>
                  <ProductThumb src={p.imageUrl} className="size-12 rounded-md" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-semibold text-zinc-900">{p.name}</p>
                    <p className="text-xs text-zinc-600">
                      {formatPrice(p.priceMinor, p.currency, locale)} · {t("stock", { count: p.stock })}
                    </p>
                  </div>
                  <div className="flex gap-1">
                    <Button
                      onClick={() => move(i, -1)}
                      disabled={i === 0}
                      aria-label={t("moveUp", { name: p.name })}
                      variant="secondary"
                      size="sm"
                      className="w-8 px-0"
                    >
                      <span aria-hidden="true">↑</span>
                    </Button>
                    <Button
                      onClick={() => move(i, 1)}
                      disabled={i === attached.length - 1}
                      aria-label={t("moveDown", { name: p.name })}
                      variant="secondary"
                      size="sm"
                      className="w-8 px-0"
                    >
                      <span aria-hidden="true">↓</span>
                    </Button>
                    <Button
                      onClick={() => remove(id)}
                      aria-label={t("remove", { name: p.name })}
                      variant="ghost"
                      size="sm"
                      className="w-8 px-0 text-red-700"
                    >
                      <span aria-hidden="true">✕</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {products.length === 0 ? (
          <p className="mt-3 text-sm text-zinc-600">{t("noCatalog")}</p>
        ) : (
          available.length > 0 && (
            <div className="mt-3 flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor={ids.add} className="block text-xs font-semibold text-zinc-700">
                  {t("addLabel")}
                </label>
                <select
                  id={ids.add}
                  value={toAdd || available[0]?.id}
                  onChange={(e) => setToAdd(e.target.value)}
                  className="mt-1 h-10 max-w-72 rounded-lg border border-zinc-300 bg-white px-3 text-sm"
                >
                  {available.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} · {formatPrice(p.priceMinor, p.currency, locale)}
                    </option>
                  ))}
                </select>
              </div>
              <Button onClick={add} variant="secondary">
                {t("add")}
              </Button>
            </div>
          )
        )}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </fieldset>

      <div className="flex flex-wrap gap-3 border-t border-zinc-200 pt-6">
        <Button type="submit" disabled={pending} size="lg">
          {pending && (
            <span
              aria-hidden="true"
              className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
            />
          )}
          {pending ? t("saving") : submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonStyles({ variant: "secondary", size: "lg" })}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
