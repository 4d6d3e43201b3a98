import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { TStudioShow } from "@/server/rooms/get-studio-show";
import { ChatPanel } from "@/components/chat/chat-panel";
import { BroadcastProvider } from "@/components/studio/broadcast-context";
import { BroadcastPreview } from "@/components/studio/broadcast-preview";
import { GoLiveControls } from "@/components/studio/go-live-controls";
import { StatusBadge } from "@/components/ui/status-badge";
import { ProductThumb } from "@/components/ui/product-thumb";
import { buttonStyles } from "@/components/ui/button-styles";
import { formatPrice } from "@/lib/format";

/** The seller's console for one show: header and controls, camera preview, products, moderation chat. */
export function ShowConsole({ show }: { show: TStudioShow }) {
  const t = useTranslations("console");
  const format = useFormatter();
  const locale = useLocale();
  const when =
    show.status === "LIVE" && show.startedAt
      ? t("startedAt", { when: format.dateTime(show.startedAt, { dateStyle: "medium", timeStyle: "short" }) })
      : show.status === "ENDED" && show.endedAt
        ? t("endedAt", { when: format.dateTime(show.endedAt, { dateStyle: "medium", timeStyle: "short" }) })
        : show.scheduledAt
          ? t("scheduledFor", { when: format.dateTime(show.scheduledAt, { dateStyle: "full", timeStyle: "short" }) })
          : t("notScheduled");

  return (
    <BroadcastProvider roomId={show.id} status={show.status} startedAt={show.startedAt?.toISOString() ?? null}>
      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <nav aria-label={t("breadcrumb")} className="mb-4 text-sm">
          <Link href="/studio" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            ← {t("backToStudio")}
          </Link>
        </nav>
        <div className="mb-6 flex flex-col justify-between gap-4 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:flex-row sm:items-start">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={show.status} />
              <span className="font-mono text-xs text-zinc-600">/live/{show.slug}</span>
            </div>
            <h1 className="mt-2 text-2xl font-black tracking-tight text-zinc-950 sm:text-3xl">{show.title}</h1>
            <p className="mt-1 text-sm text-zinc-700">{when}</p>
            <p className="text-sm text-zinc-600">{t("seller", { seller: show.sellerName })}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Link href={`/studio/${show.slug}/edit`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
                {t("edit")}
              </Link>
              <Link href={`/live/${show.slug}`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
                {t("viewerPage")}
              </Link>
            </div>
          </div>
          <GoLiveControls />
        </div>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_380px]">
          <div className="flex flex-col gap-6">
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" className="mb-3 text-base font-black tracking-tight text-zinc-950">
                {t("preview")}
              </h2>
              <div id="studio-preview">
                <BroadcastPreview />
              </div>
            </section>

            <section aria-labelledby="console-products-heading">
              <div className="mb-3 flex items-center justify-between">
                <h2 id="console-products-heading" className="text-base font-black tracking-tight text-zinc-950">
                  {t("products", { count: show.products.length })}
                </h2>
                <Link href={`/studio/${show.slug}/edit`} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {t("manageProducts")}
                </Link>
              </div>
              {show.products.length === 0 ? (
                <p className="rounded-xl border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-600">{t("noProducts")}</p>
              ) : (
                <ol className="grid gap-3 sm:grid-cols-2">
                  {show.products.map((p, i) => (
                    <li key={p.id} className="flex items-center gap-3 rounded-xl border border-zinc-200 bg-white p-3">
                      <span className="w-5 text-center text-sm font-bold text-zinc-600">{i + 1}</span>
                      <ProductThumb src={p.imageUrl} className="size-14 rounded-lg" />
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-semibold text-zinc-900">{p.name}</p>
                        <p className="text-sm font-bold text-zinc-950 tabular-nums">{formatPrice(p.priceMinor, p.currency, locale)}</p>
                        <p className="text-xs text-zinc-600">
                          {p.archived ? t("archived") : t("stock", { count: p.stock })}
                        </p>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
          <div className="h-[600px] lg:sticky lg:top-22 lg:h-[calc(100dvh-7.5rem)]">
            <ChatPanel roomId={show.id} mode="staff" />
          </div>
        </div>
      </div>
    </BroadcastProvider>
  );
}
