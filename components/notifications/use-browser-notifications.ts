"use client";
import { useCallback, useSyncExternalStore } from "react";

/** The viewer's own switch, per browser: the site permission alone would not let them turn it off here. */
const PREF_KEY = "onair.browserNotifications";
/** Ids already shown by any tab of this browser, so two open tabs pop one notification. */
const SHOWN_KEY = "onair.shownNotifications";

export type TBrowserNotifications = "unsupported" | "off" | "on" | "blocked";

function current(): TBrowserNotifications {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return Notification.permission === "granted" && localStorage.getItem(PREF_KEY) === "on" ? "on" : "off";
}

/** Claims `id` for this tab; false when another tab (or an earlier page) already showed it. */
function claim(id: string): boolean {
  try {
    const shown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? "[]") as unknown;
    const ids = Array.isArray(shown) ? shown.filter((x): x is string => typeof x === "string") : [];
    if (ids.includes(id)) return false;
    localStorage.setItem(SHOWN_KEY, JSON.stringify([...ids, id].slice(-50)));
  } catch {
    // Storage full or blocked: the notification's tag still keeps tabs from stacking copies.
  }
  return true;
}

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** The switch changes here or in another tab (a `storage` event), the permission in the browser's settings. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  window.addEventListener("focus", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
    window.removeEventListener("focus", listener);
  };
}

/**
 * Browser notifications (the Notification API), only after the viewer turned them on with a button: the
 * permission prompt never comes on its own. `show` pops one while a page of the site is open.
 */
export function useBrowserNotifications() {
  const state = useSyncExternalStore(subscribe, current, () => "unsupported" as const);

  const turnOn = useCallback(async () => {
    if (!("Notification" in window)) return;
    const permission =
      Notification.permission === "default"
        ? await Notification.requestPermission()
        : Notification.permission;
    if (permission === "granted") localStorage.setItem(PREF_KEY, "on");
    changed();
  }, []);

  const turnOff = useCallback(() => {
    localStorage.setItem(PREF_KEY, "off");
    changed();
  }, []);

  const show = useCallback((id: string, title: string, body: string, href: string) => {
    if (current() !== "on" || !claim(id)) return;
    const n = new Notification(title, { body, tag: id });
    n.onclick = () => {
      window.focus();
      window.location.assign(href);
      n.close();
    };
  }, []);

  return { state, turnOn, turnOff, show };
}
