import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getStudioShow } from "@/server/rooms/get-studio-show";
import { canManageShow } from "@/server/rooms/can-manage-show";
import { listSellerProducts } from "@/server/rooms/list-seller-products";
import { updateShow } from "@/server/rooms/save-show";
import { deny, requirePageUser } from "@/server/pages/require-page-user";
import { toDateTimeLocalValue } from "@/lib/format";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeading } from "@/components/studio/page-heading";
import { ShowForm } from "@/components/studio/show-form";

type TParams = { params: Promise<{ slug: string }> };
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("showForm"))("editTitle"), robots: { index: false } };
}

export default async function EditShowPage({ params }: TParams) {
  const { slug } = await params;
  const user = await requirePageUser(`/studio/${encodeURIComponent(slug)}/edit`, ["SELLER", "ADMIN"]);
  if (!user) return <AccessDenied />;
  const show = SLUG.test(slug) ? await getStudioShow(slug) : null;
  if (!show) notFound();
  if (!canManageShow(user, show)) return deny() ?? <AccessDenied />;
  const [t, catalog, timeZone] = await Promise.all([
    getTranslations("showForm"),
    listSellerProducts(show.sellerId),
    getTimeZone(),
  ]);
  // Archived products already in the show stay listed until the seller removes them.
  const attachedArchived = show.products
    .filter((p) => p.archived)
    .map(({ id, name, imageUrl, priceMinor, currency, stock }) => ({
      id,
      name,
      imageUrl,
      priceMinor,
      currency,
      stock,
    }));
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <PageHeading title={t("editTitle")} lead={show.title} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8">
        <ShowForm
          action={updateShow.bind(null, show.slug)}
          initial={{
            title: show.title,
            description: show.description,
            scheduledAt: show.scheduledAt ? toDateTimeLocalValue(show.scheduledAt, timeZone) : "",
            productIds: show.products.map((p) => p.id),
          }}
          products={[...catalog, ...attachedArchived]}
          submitLabel={t("save")}
          cancelHref={`/studio/${show.slug}`}
          timeZone={timeZone}
        />
      </div>
    </div>
  );
}
