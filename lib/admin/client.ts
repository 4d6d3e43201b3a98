import type { Role } from "@prisma/client";
import type { TAdminOverview } from "@/server/admin/get-overview";
import type { TAuditEntry } from "@/server/admin/list-audit";
import type { TRoomChatter, TRoomSanctionRow } from "@/server/admin/list-room-sanctions";
import { ApiRequestError, request } from "@/lib/api/request";

export type TUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
};
export type TAuditPage = { entries: TAuditEntry[]; nextBefore: number | null };
export type TAuditFilters = { action: string; roomId: string; actorId: string };
export type TRoomSanctions = { sanctions: TRoomSanctionRow[]; chatters: TRoomChatter[] };

/** The code an admin sees when a request failed: the contract's error code, else the HTTP status. */
export function failureCode(error: unknown): string {
  return error instanceof ApiRequestError ? error.code.replace(/^HTTP_/, "") : "NETWORK";
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return search.toString();
};

export const getOverview = () => request<TAdminOverview>("GET", "/api/admin/overview");

export const listUsers = (filters: { q: string; role: "" | Role }, signal?: AbortSignal) =>
  request<{ users: TUserRow[] }>("GET", `/api/admin/users?${query(filters)}`, { signal });

/** One page of the audit log, newest first; `before` (an entry id) pages back. */
export const listAudit = (filters: TAuditFilters, before?: number, signal?: AbortSignal) =>
  request<TAuditPage>("GET", `/api/admin/audit?${query({ ...filters, before: before?.toString() })}`, {
    signal,
  });

export const listRoomSanctions = (roomId: string) =>
  request<TRoomSanctions>("GET", `/api/admin/rooms/${encodeURIComponent(roomId)}/sanctions`);

/** Stop (or resume) sending new clients to a chat or media node. */
export const drainNode = (
  api: "/api/admin/nodes" | "/api/admin/media-nodes",
  nodeId: string,
  draining: boolean,
) =>
  request<{ nodeId: string; draining: boolean }>("POST", `${api}/${encodeURIComponent(nodeId)}/drain`, {
    body: { draining },
  });

export const updateUser = (userId: string, patch: { role?: Role; disabled?: boolean }) =>
  request<{ id: string; role: Role; disabled: boolean }>(
    "PATCH",
    `/api/admin/users/${encodeURIComponent(userId)}`,
    {
      body: patch,
    },
  );

const sanctions = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/sanctions`;

export const sanctionUser = (roomId: string, userId: string, type: "MUTE" | "BAN", minutes?: number) =>
  request<unknown>("POST", sanctions(roomId), { body: { userId, type, ...(minutes ? { minutes } : {}) } });

export const liftSanction = (roomId: string, userId: string, type: "MUTE" | "BAN") =>
  request<unknown>("DELETE", `${sanctions(roomId)}/${encodeURIComponent(userId)}?type=${type}`);
