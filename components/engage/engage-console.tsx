"use client";
import type { ComponentType, ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TLiveItem, TLiveItemKind } from "@/lib/engage/live-items";
import { CancelWithReason } from "@/components/engage/engage-pieces";
import { EngageSection } from "@/components/engage/engage-section";
import type { TEngageProduct } from "@/components/engage/engage-fields";
import type { TStartFormProps } from "@/components/engage/start-form";
import { useClock } from "@/components/products/use-clock";

/**
 * A console panel for auctions or giveaways: heading, a load error, the start form while none runs, the
 * running one (else the latest) with an admin's cancel, or a "none yet" once the list is known to be empty,
 * and the earlier ones. Both features word these with the same keys in their own message namespace.
 */
/** What the studio gives the auction and giveaway consoles. */
export type TEngageConsoleProps = { roomId: string; products: TEngageProduct[]; canCancel: boolean };

export function LiveItemConsole<T extends TLiveItem>({
  kind,
  roomId,
  list: { items, loaded, loadError, merge },
  products,
  canCancel,
  cancel,
  StartForm,
  status,
  details,
  earlier,
}: TEngageConsoleProps & {
  /** Names the section (`<kind>-console`: its test id and, with -heading, its heading id). */
  kind: TLiveItemKind;
  list: { items: T[]; loaded: boolean; loadError: boolean; merge: (list: T[]) => void };
  /** Cancels the running one with the admin's reason; answers its new view. */
  cancel: (id: string, reason: string) => Promise<T>;
  /** The start form, given the products one may start on (not archived); what it starts joins the list. */
  StartForm: ComponentType<TStartFormProps<T>>;
  status: (shown: T, now: number | null) => ReactNode;
  /** What follows the cancel form, if anything (the bid history). */
  details?: (shown: T) => ReactNode;
  earlier: (list: T[]) => ReactNode;
}) {
  const t = useTranslations(`${kind}s`);
  const now = useClock();
  const running = items.find((i) => i.status === "RUNNING") ?? null;
  const shown = running ?? items[0] ?? null;
  const before = items.filter((i) => i.id !== shown?.id);
  return (
    <EngageSection
      headingId={`${kind}-console-heading`}
      testId={`${kind}-console`}
      heading={t("consoleHeading")}
      className="border border-zinc-200 p-5"
    >
      {loadError ? (
        <p role="alert" className="mb-3 text-sm font-semibold text-red-700">
          {t("loadFailed")}
        </p>
      ) : null}
      {running ? null : (
        <StartForm
          roomId={roomId}
          products={products.filter((p) => !p.archived)}
          onStarted={(i) => merge([i])}
        />
      )}
      {shown ? (
        <div className="mt-4 flex flex-col gap-4 border-t border-zinc-200 pt-4">
          {status(shown, now)}
          {shown.status === "RUNNING" && canCancel ? (
            <CancelWithReason
              label={t("cancelReason")}
              button={t("cancel")}
              genericError={t("errors.generic")}
              cancel={async (reason) => merge([await cancel(shown.id, reason)])}
            />
          ) : null}
          {details?.(shown)}
        </div>
      ) : loaded && !loadError ? (
        <p className="mt-4 text-sm text-zinc-600">{t("noneYet")}</p>
      ) : null}
      {before.length > 0 ? (
        <div className="mt-4 border-t border-zinc-200 pt-4">
          <h3 className="mb-2 text-sm font-bold text-zinc-900">{t("earlier")}</h3>
          {earlier(before)}
        </div>
      ) : null}
    </EngageSection>
  );
}
