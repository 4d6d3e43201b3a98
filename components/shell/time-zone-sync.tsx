"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";

/**
 * Tells the server the browser's time zone once, so show times render in the viewer's own clock.
 * The page is re-rendered only when it shows times (`<time datetime>`), so other pages never reload.
 */
// One refresh per page load at most: if the server ever disagrees about the zone, we must not loop.
let refreshed = false;

export function TimeZoneSync() {
  const serverZone = useTimeZone();
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    if (!refreshed && document.querySelector("time[datetime]")) {
      refreshed = true;
      router.refresh();
    }
  }, [serverZone, router]);
  return null;
}
