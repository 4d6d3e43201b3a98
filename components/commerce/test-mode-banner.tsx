import { useCommerceT } from "@/components/commerce/use-commerce-t";

/** Shown on every checkout while the payment provider is the test one: no real money moves. */
export function TestModeBanner() {
  const t = useCommerceT();
  return (
    <div
      role="note"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <strong className="mr-1 font-bold uppercase">{t("testModeTitle")}</strong>
      {t("testModeBody")}
    </div>
  );
}
