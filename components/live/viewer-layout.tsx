"use client";
import { useId, useState, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { tabStateClass, useTabs } from "@/components/ui/tabs";

type TTab = "products" | "chat";
const ORDER: readonly TTab[] = ["products", "chat"];

/**
 * The viewer page grid. Phones: video, details, then Products/Chat as tabs (one panel at a time).
 * From 768px both panels show side by side and the tablist is hidden; from 1280px products | video | chat.
 */
export function ViewerLayout({
  video,
  details,
  products,
  chat,
  labels,
}: {
  video: ReactNode;
  details: ReactNode;
  products: ReactNode;
  chat: ReactNode;
  labels: { tablist: string; products: string; chat: string };
}) {
  const [tab, setTab] = useState<TTab>("products");
  const base = useId();
  const ids = {
    products: { tab: `${base}-tab-products`, panel: `${base}-panel-products` },
    chat: { tab: `${base}-tab-chat`, panel: `${base}-panel-chat` },
  };
  const tabProps = useTabs({ order: ORDER, selected: tab, select: setTab, ids: (key) => ids[key] });

  const tabButton = (key: TTab, label: string) => (
    <button
      {...tabProps(key)}
      className={cx(
        "flex-1 border-b-2 px-4 py-3 text-sm font-bold transition-colors",
        tabStateClass(tab === key),
      )}
    >
      {label}
    </button>
  );

  // On phones only the selected panel shows; from md both do (md:block), whatever the tab.
  const tabPanel = (key: TTab, className: string, content: ReactNode) => (
    <div
      id={ids[key].panel}
      role="tabpanel"
      aria-labelledby={ids[key].tab}
      className={cx(className, tab === key ? "block" : "hidden")}
    >
      {content}
    </div>
  );

  return (
    <div
      className={cx(
        "mx-auto grid max-w-[1600px] gap-x-6 sm:px-6 sm:pt-6",
        "[grid-template-areas:'video'_'details'_'tabs'_'panel-products'_'panel-chat']",
        "md:grid-cols-[minmax(0,1fr)_340px] md:[grid-template-areas:'video_panel-chat'_'details_panel-chat'_'panel-products_panel-chat']",
        "xl:grid-cols-[300px_minmax(0,1fr)_360px] xl:[grid-template-areas:'panel-products_video_panel-chat'_'panel-products_details_panel-chat'_'panel-products_._panel-chat']",
        "md:grid-rows-[auto_auto_1fr]",
      )}
    >
      <div className="[grid-area:video]">{video}</div>
      <div className="px-4 pt-4 [grid-area:details] sm:px-0">{details}</div>
      <div
        role="tablist"
        aria-label={labels.tablist}
        className="sticky top-16 z-10 mt-4 flex border-b border-zinc-200 bg-zinc-50 [grid-area:tabs] md:hidden"
      >
        {tabButton("products", labels.products)}
        {tabButton("chat", labels.chat)}
      </div>
      {tabPanel(
        "products",
        "px-4 pt-4 pb-6 [grid-area:panel-products] sm:px-0 md:block md:pt-6 xl:pt-0",
        products,
      )}
      {tabPanel(
        "chat",
        "h-[70dvh] px-4 pt-4 pb-6 [grid-area:panel-chat] sm:px-0 md:sticky md:top-22 md:block md:h-[calc(100dvh-7.5rem)] md:pt-0 md:pb-0",
        chat,
      )}
    </div>
  );
}
