import type { TRoomConfig } from "@/lib/chat/node-protocol";
import type { TMessage, TRole } from "@/lib/chat/protocol";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

type TUserLike = { id: string; role: TRole } | null | undefined;

/** The room's seller and every ADMIN see all chat groups and cross every group with what they write. */
export function isRoomStaff(config: Pick<TRoomConfig, "sellerId">, user: TUserLike): boolean {
  return isSellerOrAdmin(user, config.sellerId);
}

/**
 * The separation rule of the contract: with separation on, only a viewer's `chat` stays in its group;
 * notices, system messages and staff messages reach everyone.
 */
export function crossesGroups(
  config: Pick<TRoomConfig, "sellerId">,
  message: Pick<TMessage, "kind" | "user">,
): boolean {
  return message.kind !== "chat" || isRoomStaff(config, message.user);
}
