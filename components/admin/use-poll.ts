"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, request } from "@/lib/api/request";

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
      setData(await request<T>("GET", url));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.status : 0);
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

/** The code an admin sees when a request failed: the contract's error code, else the HTTP status. */
export function failureCode(error: ApiRequestError): string {
  return error.code.replace(/^HTTP_/, "");
}
