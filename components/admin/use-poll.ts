"use client";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Fetches `url` now and every `everyMs` while the tab is visible (and at once when it becomes visible
 * again), keeping the last good answer. `error` holds the last failure's HTTP status (0 = network).
 */
export function usePoll<T>(url: string | null, initial: T, everyMs = 3000) {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<number | null>(null);
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (!url || inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) return setError(res.status);
      setData((await res.json()) as T);
      setError(null);
    } catch {
      setError(0);
    } finally {
      inFlight.current = false;
    }
  }, [url]);

  useEffect(() => {
    if (!url) return;
    const first = window.setTimeout(() => void refresh(), 0);
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, everyMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [url, everyMs, refresh]);

  return { data, error, refresh };
}

/** JSON request with the page's session cookie; the contract's error code on failure. */
export async function adminRequest<T>(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; status: number; code: string; message: string }> {
  try {
    const res = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (res.ok) return { ok: true, data: json as T };
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    return { ok: false, status: res.status, code: error?.code ?? "", message: error?.message ?? "" };
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "" };
  }
}

/** The code an admin sees when a request failed: the contract's error code, else the HTTP status. */
export function failureCode(res: { code: string; status: number }): string {
  return res.code || String(res.status);
}
