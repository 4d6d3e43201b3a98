import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getStudioShow } from "@/server/rooms/get-studio-show";
import { canManageShow } from "@/server/rooms/can-manage-show";
import { deny, requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { ShowConsole } from "@/components/studio/show-console";

type TParams = { params: Promise<{ slug: string }> };
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const metadata: Metadata = { robots: { index: false } };

export default async function StudioShowPage({ params }: TParams) {
  const { slug } = await params;
  const user = await requirePageUser(`/studio/${encodeURIComponent(slug)}`, ["SELLER", "ADMIN"]);
  if (!user) return <AccessDenied />;
  const show = SLUG.test(slug) ? await getStudioShow(slug) : null;
  if (!show) notFound();
  if (!canManageShow(user, show)) return deny() ?? <AccessDenied />;
  return <ShowConsole show={show} isAdmin={user.role === "ADMIN"} />;
}
