import type { Role } from "@prisma/client";
import { request } from "@/lib/api/request";

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
