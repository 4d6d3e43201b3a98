import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listUsers } from "@/server/admin/list-users";
import { listAdminRooms } from "@/server/rooms/list-admin-rooms";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { RoomsTable } from "@/components/admin/rooms-table";
import { StatTiles } from "@/components/admin/stat-tiles";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeading } from "@/components/studio/page-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title"), robots: { index: false } };
}

export default async function AdminPage() {
  const user = await requirePageUser("/admin", ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const [t, rooms, users] = await Promise.all([getTranslations("admin"), listAdminRooms(), listUsers()]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <StatTiles
        items={[
          { label: t("statLive"), value: rooms.filter((r) => r.status === "LIVE").length },
          { label: t("statScheduled"), value: rooms.filter((r) => r.status === "SCHEDULED").length },
          { label: t("statUsers"), value: users.length },
          { label: t("statSellers"), value: users.filter((u) => u.role === "SELLER").length },
        ]}
      />
      <RoomsTable rooms={rooms} />
      <UsersTable users={users} />
    </div>
  );
}
