import type { Metadata } from "next";
import { getNow, getTimeZone, getTranslations } from "next-intl/server";
import { createShow } from "@/server/rooms/save-show";
import { listSellerProducts } from "@/server/rooms/list-seller-products";
import { requirePageUser } from "@/server/pages/require-page-user";
import { toDateTimeLocalValue } from "@/lib/format";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeading } from "@/components/studio/page-heading";
import { ShowForm } from "@/components/studio/show-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("showForm"))("newTitle") };
}

/** The next full hour, at least 30 minutes away: a sensible default start. */
function defaultStart(now: number): Date {
  const d = new Date(now + 30 * 60_000);
  d.setUTCMinutes(0, 0, 0);
  return new Date(d.getTime() + 60 * 60_000);
}

export default async function NewShowPage() {
  const user = await requirePageUser("/studio/new", ["SELLER", "ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, products, timeZone, nowDate] = await Promise.all([
    getTranslations("showForm"),
    listSellerProducts(user.id),
    getTimeZone(),
    getNow(),
  ]);
  const now = nowDate.getTime();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <PageHeading title={t("newTitle")} lead={t("newLead")} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8">
        <ShowForm
          action={createShow}
          initial={{
            title: "",
            description: "",
            scheduledAt: toDateTimeLocalValue(defaultStart(now), timeZone),
            productIds: [],
          }}
          products={products}
          submitLabel={t("create")}
          cancelHref="/studio"
          minSchedule={toDateTimeLocalValue(new Date(now), timeZone)}
          timeZone={timeZone}
        />
      </div>
    </div>
  );
}
