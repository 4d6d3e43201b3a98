"use server";
import { isUniqueViolation } from "@/server/db-errors";
import "server-only";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { currentUser } from "@/server/auth/request";
import { canManageShow } from "@/server/rooms/can-manage-show";
import { parseShowInput, showInputFromForm, type TShowFormState } from "@/server/rooms/show-input";
import { uniqueSlug } from "@/server/rooms/slug";
import { createLogger } from "@/server/log";
import { refreshRoom } from "@/server/chat/control-client";
import en from "@/lib/i18n/messages/en.json";

const log = createLogger("web:studio");

type TErrorKey = keyof (typeof en)["showForm"]["errors"];
const isErrorKey = (code: string): code is TErrorKey => Object.hasOwn(en.showForm.errors, code);

type TFieldKey = keyof NonNullable<TShowFormState["fields"]>;
const FIELD_KEYS: TFieldKey[] = ["title", "description", "scheduledAt", "productIds"];

async function failure(errors: Record<string, string>): Promise<TShowFormState> {
  const t = await getTranslations("showForm.errors");
  const fields: TShowFormState["fields"] = {};
  for (const key of FIELD_KEYS) {
    const code = errors[key];
    if (code) fields[key] = isErrorKey(code) ? t(code) : t("generic");
  }
  return { status: "error", message: t("fix"), fields };
}

async function denied(): Promise<TShowFormState> {
  const t = await getTranslations("showForm.errors");
  return { status: "error", message: t("forbidden") };
}

/** Every product must be the seller's own and not archived. */
async function productsBelongTo(sellerId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const count = await db.product.count({ where: { id: { in: ids }, sellerId, archivedAt: null } });
  return count === ids.length;
}

/** Server Action: creates a scheduled show for the signed-in seller (or ADMIN) and opens its console. */
export async function createShow(_prev: TShowFormState, form: FormData): Promise<TShowFormState> {
  const user = await currentUser();
  if (!user || (user.role !== "SELLER" && user.role !== "ADMIN")) return denied();
  const parsed = parseShowInput(showInputFromForm(form), new Date(), { requireFuture: true });
  if (!parsed.ok) return failure(parsed.errors);
  const { input, scheduledAt } = parsed;
  if (!(await productsBelongTo(user.id, input.productIds))) return failure({ productIds: "unknownProduct" });

  let slug = "";
  for (let attempt = 0; attempt < 3 && !slug; attempt++) {
    const candidate = await uniqueSlug(
      input.title,
      async (s) => (await db.room.count({ where: { slug: s } })) > 0,
    );
    try {
      const created = await db.room.create({
        data: {
          slug: candidate,
          title: input.title,
          description: input.description,
          sellerId: user.id,
          status: "SCHEDULED",
          scheduledAt,
          products: { create: input.productIds.map((productId, position) => ({ productId, position })) },
        },
      });
      slug = candidate;
      // The room list and home page shelves of every web process now miss this show.
      void refreshRoom(created.id);
    } catch (err) {
      // Another show took the slug between the check and the insert: pick again.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  if (!slug) return failure({ title: "generic" });
  log.info({ slug, sellerId: user.id }, "show created");
  redirect(`/studio/${slug}`);
}

/** Server Action: edits a show's details and its products (order kept, flash deals of kept products kept). */
export async function updateShow(
  slug: string,
  _prev: TShowFormState,
  form: FormData,
): Promise<TShowFormState> {
  const user = await currentUser();
  if (!user) return denied();
  const room = await db.room.findUnique({
    where: { slug },
    select: {
      id: true,
      sellerId: true,
      status: true,
      scheduledAt: true,
      pinnedProductId: true,
      products: { select: { productId: true } },
    },
  });
  if (!room || !canManageShow(user, room)) return denied();

  const result = parseShowInput(showInputFromForm(form), new Date(), { requireFuture: false });
  if (!result.ok) return failure(result.errors);
  // Moving a scheduled show into the past is an error; keeping the stored time (a late start) is not.
  const minute = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 60_000) : null);
  const moved = minute(result.scheduledAt) !== minute(room.scheduledAt);
  if (room.status === "SCHEDULED" && moved && result.scheduledAt.getTime() < Date.now() - 60_000) {
    return failure({ scheduledAt: "scheduleInPast" });
  }
  const { input, scheduledAt } = result;
  const kept = new Set(room.products.map((p) => p.productId));
  const added = input.productIds.filter((id) => !kept.has(id));
  if (!(await productsBelongTo(room.sellerId, added))) return failure({ productIds: "unknownProduct" });

  await db.$transaction([
    db.roomProduct.deleteMany({ where: { roomId: room.id, productId: { notIn: input.productIds } } }),
    ...input.productIds.map((productId, position) =>
      db.roomProduct.upsert({
        where: { roomId_productId: { roomId: room.id, productId } },
        update: { position },
        create: { roomId: room.id, productId, position },
      }),
    ),
    db.room.update({
      where: { id: room.id },
      data: {
        title: input.title,
        description: input.description,
        scheduledAt,
        ...(room.pinnedProductId && !input.productIds.includes(room.pinnedProductId)
          ? { pinnedProductId: null }
          : {}),
      },
    }),
  ]);
  // Title, schedule and product list are in every web process's cached page and room JSON.
  void refreshRoom(room.id);
  log.info({ slug, userId: user.id }, "show updated");
  redirect(`/studio/${slug}`);
}
