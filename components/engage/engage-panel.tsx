"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TLiveItem, TLiveItemKind } from "@/lib/engage/live-items";
import { buttonStyles } from "@/components/ui/button-styles";
import { EngageSection } from "@/components/engage/engage-section";

/** Each feature's card border, in its colour. */
const BORDER: Record<TLiveItemKind, string> = {
  auction: "border-live/60",
  giveaway: "border-emerald-600/50",
};

/**
 * A viewer's auction or giveaway card (headed by its feature's `heading`): its status, then while it runs the signed-in viewer's way to take
 * part (a guest gets a sign-in link that comes back here), and once it ended the winner's way to the order.
 */
export function EngagePanel({
  kind,
  item,
  status,
  join,
  signInLabel,
  prize,
}: {
  kind: TLiveItemKind;
  item: TLiveItem;
  status: ReactNode;
  /** The bid form or enter button; null for a guest. */
  join: ReactNode | null;
  signInLabel: string;
  /** The link to the winner's order, or null (not ended, or not theirs). */
  prize: { href: string; label: string } | null;
}) {
  const t = useTranslations(`${kind}s`);
  const pathname = usePathname();
  return (
    <EngageSection
      headingId={`${kind}-heading`}
      testId={`${kind}-panel`}
      heading={t("heading")}
      className={`mb-5 border-2 p-4 ${BORDER[kind]}`}
    >
      {status}
      {item.status === "RUNNING" ? (
        (join ?? (
          <p className="mt-3 text-sm">
            <Link
              href={`/login?next=${encodeURIComponent(pathname || "/")}`}
              className="text-brand-700 font-semibold underline"
            >
              {signInLabel}
            </Link>
          </p>
        ))
      ) : prize ? (
        <Link
          href={prize.href}
          className={buttonStyles({ variant: "primary", size: "md", className: "mt-3 w-full" })}
        >
          {prize.label}
        </Link>
      ) : null}
    </EngageSection>
  );
}
