import { queryOptions } from "@tanstack/react-query";
import type { Role } from "@prisma/client";
import { getOverview, listAudit, listRoomSanctions, listUsers, type TAuditFilters } from "@/lib/admin/client";

/**
 * The admin screens' reads. Admin figures are not pushed by any socket, so each screen polls its query
 * while the tab is visible (`adminPoll`); an action invalidates `["admin", ...]` to show its effect at once.
 */
export const adminPoll = (everyMs: number) =>
  // The next poll is the retry: a failure shows at once (the dashboard's amber dot) instead of after two.
  ({ refetchInterval: everyMs, refetchIntervalInBackground: false, retry: false }) as const;

export const adminQueries = {
  all: ["admin"] as const,
  overview: () => queryOptions({ queryKey: ["admin", "overview"], queryFn: getOverview }),
  users: (filters: { q: string; role: "" | Role }) =>
    queryOptions({
      queryKey: ["admin", "users", filters],
      queryFn: ({ signal }) => listUsers(filters, signal),
    }),
  /** A page of the audit log for these filters: the newest (polled), or the one before entry `before`. */
  audit: (filters: TAuditFilters, before?: number) =>
    queryOptions({
      queryKey: ["admin", "audit", filters, { before: before ?? null }],
      queryFn: ({ signal }) => listAudit(filters, before, signal),
    }),
  roomSanctions: (roomId: string) =>
    queryOptions({
      queryKey: ["admin", "rooms", roomId, "sanctions"],
      queryFn: () => listRoomSanctions(roomId),
    }),
};
