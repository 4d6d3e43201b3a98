import { notFound } from "next/navigation";
import { getConsoleRoom } from "@/server/admin/get-console-room";
import { listAudit } from "@/server/admin/list-audit";
import { requirePageUser } from "@/server/pages/require-page-user";
import { AccessDenied } from "@/components/shell/access-denied";
import { adminMetadata } from "@/components/admin/admin-frame";
import { RoomConsole } from "@/components/admin/room-console";

export const dynamic = "force-dynamic";

type TParams = { params: Promise<{ id: string }> };

export function generateMetadata() {
  return adminMetadata("admin.console");
}

export default async function AdminRoomPage({ params }: TParams) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/rooms/${encodeURIComponent(id)}`, ["ADMIN"]);
  if (!user) return <AccessDenied />;
  const room = await getConsoleRoom(id);
  if (!room) notFound();
  const audit = await listAudit({ roomId: room.id, take: 30 });
  return <RoomConsole room={room} audit={audit} />;
}
