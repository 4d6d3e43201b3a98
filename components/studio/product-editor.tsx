"use client";
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { formatMajor, parseMajor } from "@/lib/commerce/money";
import {
  ZCreateProductRequest,
  type TCreateProductRequest,
  type TProductView,
} from "@/lib/commerce/product-schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/api/request";
import { createProduct, updateProduct, uploadImage } from "@/lib/commerce/client";
import { commerceQueries } from "@/lib/commerce/queries";
import { TextInput } from "@/components/commerce/text-input";
import { FormField } from "@/components/ui/form-field";
import { ProductThumb } from "@/components/ui/product-thumb";
import { buttonStyles } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/button";

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
const CURRENCIES = ["KRW", "USD", "EUR", "JPY"];

/** Create or edit one product in a modal dialog: fields validated like the server, image upload with preview. */
export function ProductEditor({
  product,
  onClose,
  onSaved,
}: {
  product: TProductView | null;
  onClose: () => void;
  onSaved: (product: TProductView, created: boolean) => void;
}) {
  const t = useTranslations("commerce.catalog");
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(product?.imageUrl ?? null);
  const [preview, setPreview] = useState<string | null>(null);
  const upload = useMutation({ mutationFn: uploadImage });
  const uploading = upload.isPending;
  const keep = useKeepProduct();
  const save = useMutation({
    mutationFn: (input: TCreateProductRequest) => {
      // Stock is only sent when edited: setting it blindly would undo sales made while the form was open.
      const { stock, ...rest } = input;
      return product
        ? updateProduct(product.id, stock === product.stock ? rest : input)
        : createProduct(input);
    },
    onSuccess: ({ product: saved }) => keep(saved),
  });
  const busy = save.isPending;

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = "";
    if (!file) return;
    const next = { ...fields };
    delete next.imageUrl;
    if (!IMAGE_TYPES.includes(file.type)) next.imageUrl = t("imageType");
    else if (file.size > MAX_IMAGE_BYTES) next.imageUrl = t("imageTooLarge");
    setFields(next);
    if (next.imageUrl) return;
    setPreview(URL.createObjectURL(file));
    try {
      const image = await upload.mutateAsync(file);
      setImageUrl(image.url);
    } catch (err) {
      setFields((f) => ({ ...f, imageUrl: err instanceof ApiRequestError ? err.message : String(err) }));
      setPreview(null);
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v : "";
    };
    const currency = text("currency") || "KRW";
    const priceMinor = parseMajor(text("price"), currency);
    const stockText = text("stock").trim();
    const parsed = ZCreateProductRequest.safeParse({
      name: text("name"),
      description: text("description"),
      priceMinor: priceMinor ?? Number.NaN,
      currency,
      stock: stockText === "" ? Number.NaN : Number(stockText),
      imageUrl,
    });
    if (!parsed.success || priceMinor === null) {
      const next: Record<string, string> = {};
      if (priceMinor === null) next.priceMinor = t("invalidPrice");
      for (const issue of parsed.error?.issues ?? []) next[String(issue.path[0])] ??= issue.message;
      setFields(next);
      setError(t("fixFields"));
      return;
    }
    setFields({});
    setError(null);
    try {
      const { product: saved } = await save.mutateAsync(parsed.data);
      dialog.current?.close();
      onSaved(saved, product === null);
    } catch (err) {
      if (err instanceof ApiRequestError) {
        setFields(err.fields);
        setError(err.message);
      } else setError(String(err));
    }
  }

  const shown = preview ?? imageUrl;
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={headingId}
      className="m-auto max-h-[92dvh] w-[calc(100%-2rem)] max-w-xl overflow-y-auto rounded-2xl bg-white p-0 shadow-2xl backdrop:bg-black/50"
    >
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="flex flex-col gap-4 p-5 sm:p-6"
        aria-busy={busy}
      >
        <div className="flex items-center justify-between">
          <h2 id={headingId} className="text-lg font-black text-zinc-950">
            {product ? t("editHeading") : t("createHeading")}
          </h2>
          <Button onClick={() => dialog.current?.close()} variant="ghost" size="sm">
            {t("close")}
          </Button>
        </div>

        <fieldset className="flex items-center gap-4" disabled={busy}>
          <legend className="sr-only">{t("image")}</legend>
          <div className="relative">
            <ProductThumb src={shown} className="size-24 rounded-xl border border-zinc-200" />
            {uploading && (
              <span
                role="status"
                className="absolute inset-0 grid place-items-center rounded-xl bg-white/70 text-xs font-semibold text-zinc-800"
              >
                {t("uploading")}
              </span>
            )}
          </div>
          <div className="flex flex-col gap-1.5">
            <div className="flex flex-wrap gap-2">
              <label
                className={buttonStyles({
                  variant: "secondary",
                  size: "sm",
                  className: "focus-within:outline-brand-600 cursor-pointer focus-within:outline-2",
                })}
              >
                {shown ? t("replaceImage") : t("chooseImage")}
                <input
                  type="file"
                  accept={IMAGE_TYPES.join(",")}
                  onChange={(e) => void onFile(e)}
                  className="sr-only"
                  aria-describedby={`${headingId}-image-hint`}
                />
              </label>
              {shown && !uploading && (
                <Button
                  onClick={() => {
                    setImageUrl(null);
                    setPreview(null);
                  }}
                  variant="ghost"
                  size="sm"
                >
                  {t("removeImage")}
                </Button>
              )}
            </div>
            <p id={`${headingId}-image-hint`} className="text-xs text-zinc-600">
              {t("imageHint")}
            </p>
            {fields.imageUrl && (
              <p role="alert" className="text-xs font-semibold text-rose-800">
                {fields.imageUrl}
              </p>
            )}
          </div>
        </fieldset>

        <fieldset className="grid grid-cols-2 gap-3" disabled={busy}>
          <TextInput
            name="name"
            label={t("name")}
            defaultValue={product?.name ?? ""}
            error={fields.name}
            required
            className="col-span-2"
            maxLength={120}
          />
          <FormField
            label={t("description")}
            error={fields.description}
            look="compact"
            className="col-span-2 flex flex-col gap-1"
          >
            {(wiring) => (
              <textarea
                {...wiring}
                name="description"
                rows={3}
                maxLength={4000}
                defaultValue={product?.description ?? ""}
                className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-950 shadow-sm"
              />
            )}
          </FormField>
          <TextInput
            name="price"
            label={t("price")}
            inputMode="decimal"
            defaultValue={product ? formatMajor(product.priceMinor, product.currency) : ""}
            error={fields.priceMinor}
            required
          />
          <FormField label={t("currency")} look="compact" className="flex flex-col gap-1">
            {(wiring) => (
              <select
                {...wiring}
                name="currency"
                defaultValue={product?.currency ?? "KRW"}
                className="h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-950 shadow-sm"
              >
                {[...new Set([product?.currency ?? "KRW", ...CURRENCIES])].map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </FormField>
          <TextInput
            name="stock"
            label={t("stockField")}
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={product ? String(product.stock) : ""}
            error={fields.stock}
            required
          />
        </fieldset>

        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm font-semibold text-rose-900">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={() => dialog.current?.close()} variant="ghost">
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={busy || uploading}>
            {busy ? t("saving") : product ? t("save") : t("create")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

/** Writes a saved product into the seller's catalog query: replaced where it was, else added at the end. */
export function useKeepProduct() {
  const queryClient = useQueryClient();
  return (saved: TProductView) =>
    queryClient.setQueryData(commerceQueries.myProducts().queryKey, (held) => {
      if (!held) return held;
      const known = held.products.some((p) => p.id === saved.id);
      return {
        products: known
          ? held.products.map((p) => (p.id === saved.id ? saved : p))
          : [...held.products, saved],
      };
    });
}
