import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/lib/api/request";

/** A refusal (4xx) will be refused again; only a lost connection or a server fault is worth a retry. */
function worthRetrying(failures: number, error: unknown): boolean {
  if (failures >= 2) return false;
  if (!(error instanceof ApiRequestError)) return false;
  return error.status === 0 || error.status >= 500;
}

/**
 * The browser's query cache. Answers stay fresh for 5 s: the live room's facts arrive by socket
 * (components/live/), so a query is the first paint or the catch-up after a reconnect, not a poll.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: worthRetrying, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
