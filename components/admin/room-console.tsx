import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TConsoleRoom } from "@/server/admin/get-console-room";
import { BesideStaffChat } from "@/components/chat/beside-staff-chat";
import { ShowPlayer } from "@/components/player/show-player";
import { ShowHeaderCard } from "@/components/ui/show-header-card";
import { buttonStyles } from "@/components/ui/button-styles";
import { AuditLog } from "@/components/admin/audit-log";
import type { TAuditPage } from "@/lib/admin/client";
import { SanctionsPanel } from "@/components/admin/sanctions-panel";

/**
 * An admin's console for one show: the live video, the whole chat across every group with every moderation
 * tool (the staff chat panel), timed mutes and bans with lifting, and who did what in this show.
 */
export function RoomConsole({ room, audit }: { room: TConsoleRoom; audit: TAuditPage }) {
  const t = useTranslations("admin.console");
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="mb-4 text-sm">
        <Link href="/admin" className="text-brand-700 font-semibold underline-offset-2 hover:underline">
          ← {t("back")}
        </Link>
      </nav>
      <ShowHeaderCard
        show={room}
        aside={
          <Link href={`/live/${room.slug}`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
            {t("viewerPage")}
          </Link>
        }
      >
        <p className="text-sm text-zinc-600">{t("seller", { seller: room.sellerName })}</p>
      </ShowHeaderCard>
      <BesideStaffChat roomId={room.id}>
        <section aria-label={t("video")}>
          <div className="dark-surface relative aspect-video w-full overflow-hidden rounded-2xl bg-zinc-950 text-white">
            <ShowPlayer
              roomId={room.id}
              initial={{ status: room.status, startedAt: room.startedAt?.toISOString() ?? null }}
            >
              <div className="absolute inset-0 grid place-items-center px-6 text-center">
                <p className="text-lg font-bold">{t("notLive")}</p>
              </div>
            </ShowPlayer>
          </div>
        </section>
        <SanctionsPanel roomId={room.id} />
        <section aria-labelledby="room-audit">
          <h2 id="room-audit" className="mb-3 text-base font-black tracking-tight text-zinc-950">
            {t("audit")}
          </h2>
          <AuditLog initial={audit} roomId={room.id} />
        </section>
      </BesideStaffChat>
    </div>
  );
}
