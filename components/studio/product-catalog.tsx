"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { TProductView } from "@/lib/commerce/product-schemas";
import { settle } from "@/lib/api/request";
import { updateProduct } from "@/lib/commerce/client";
import { commerceQueries } from "@/lib/commerce/queries";
import { PageHeading } from "@/components/studio/page-heading";
import { BackToStudio } from "@/components/studio/back-to-studio";
import { ProductSummary } from "@/components/studio/product-summary";
import { ProductEditor, useKeepProduct } from "@/components/studio/product-editor";
import { ProductThumb } from "@/components/ui/product-thumb";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyNote } from "@/components/ui/empty-state";

type TFeedback = { tone: "ok" | "error"; text: string } | null;

/** `/studio/products`: the seller's catalog with create, edit and archive/restore. */
export function ProductCatalog({ initialProducts }: { initialProducts: TProductView[] }) {
  const t = useTranslations("commerce.catalog");
  const products = useQuery({
    ...commerceQueries.myProducts(),
    initialData: { products: initialProducts },
  }).data.products;
  const keep = useKeepProduct();
  const archive = useMutation({
    mutationFn: (v: { product: TProductView; archived: boolean }) =>
      updateProduct(v.product.id, { archived: v.archived }),
    onSuccess: ({ product }) => keep(product),
  });
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<TProductView | "new" | null>(null);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const busy = archive.isPending ? archive.variables.product.id : null;
  const visible = products.filter((p) => showArchived || !p.archived);

  async function setArchived(product: TProductView, archived: boolean) {
    setFeedback(null);
    const res = await settle(archive.mutateAsync({ product, archived }));
    if (!res.ok) return setFeedback({ tone: "error", text: res.error.message });
    const { name } = res.data.product;
    setFeedback({
      tone: "ok",
      text: archived ? t("archivedNotice", { name }) : t("restoredNotice", { name }),
    });
  }

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <BackToStudio />
      <PageHeading
        title={t("title")}
        lead={t("lead")}
        actions={
          <Button onClick={() => setEditing("new")}>
            <span aria-hidden="true">＋</span> {t("newProduct")}
          </Button>
        }
      />
      <div role="status" aria-live="polite" className="mb-4 empty:hidden">
        {feedback && (
          <p
            className={cx(
              "rounded-lg px-3 py-2 text-sm font-semibold",
              feedback.tone === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-rose-50 text-rose-900",
            )}
          >
            {feedback.text}
          </p>
        )}
      </div>
      <label className="mb-3 inline-flex items-center gap-2 text-sm font-semibold text-zinc-800">
        <input
          type="checkbox"
          className="accent-brand-700 size-4"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        {t("showArchived")}
      </label>
      {visible.length === 0 ? (
        <EmptyNote>{t("empty")}</EmptyNote>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="catalog">
          {visible.map((p) => (
            <li
              key={p.id}
              data-product-id={p.id}
              className={cx(
                "flex gap-3 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm",
                p.archived && "bg-zinc-50",
              )}
            >
              <ProductThumb
                src={p.imageUrl}
                className={cx("size-20 shrink-0 rounded-lg", p.archived && "opacity-60 grayscale")}
              />
              <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                <ProductSummary
                  product={p}
                  badge={p.archived ? { label: t("archived"), tone: "muted" } : null}
                />
                <div className="mt-auto flex flex-wrap justify-end gap-2 pt-1">
                  <Button
                    onClick={() => setEditing(p)}
                    aria-label={t("editLabel", { name: p.name })}
                    variant="secondary"
                    size="sm"
                  >
                    {t("edit")}
                  </Button>
                  <Button
                    disabled={busy === p.id}
                    onClick={() => void setArchived(p, !p.archived)}
                    aria-label={
                      p.archived ? t("restoreLabel", { name: p.name }) : t("archiveLabel", { name: p.name })
                    }
                    variant="ghost"
                    size="sm"
                  >
                    {p.archived ? t("restore") : t("archive")}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <ProductEditor
          product={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setFeedback({
              tone: "ok",
              text: created ? t("created", { name: saved.name }) : t("saved", { name: saved.name }),
            });
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
