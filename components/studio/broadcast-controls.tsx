import { useTranslations } from "next-intl";
import type { RoomStatus } from "@prisma/client";
import { buttonStyles } from "@/components/ui/button-styles";

/**
 * "Go live" and "End show". Publishing video needs the media tier, which this build does not have yet:
 * the buttons render disabled, with the reason in their title and as visible text.
 */
export function BroadcastControls({ status }: { status: RoomStatus }) {
  const t = useTranslations("console");
  const reason = t("mediaUnavailable");
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex gap-2">
        <button
          type="button"
          disabled
          title={reason}
          aria-describedby="broadcast-note"
          className={buttonStyles({ variant: "live", size: "lg" })}
        >
          <span aria-hidden="true" className="size-2 rounded-full bg-current" />
          {t("goLive")}
        </button>
        <button
          type="button"
          disabled
          title={reason}
          aria-describedby="broadcast-note"
          className={buttonStyles({ variant: "danger", size: "lg" })}
        >
          {t("endShow")}
        </button>
      </div>
      <p id="broadcast-note" className="max-w-xs text-xs text-zinc-600 sm:text-right">
        {status === "ENDED" ? t("endedNote") : reason}
      </p>
    </div>
  );
}
