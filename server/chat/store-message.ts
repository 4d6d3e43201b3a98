import { Prisma } from "@prisma/client";
import type { TMessage, TMessageKind } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { messageSelect, toMessage } from "@/server/chat/message-row";

export type TNewMessage = {
  roomId: string;
  userId: string;
  clientId: string;
  text: string;
  kind: TMessageKind;
  nodeId: string;
};

/**
 * Stores a message durably before anyone acknowledges it. The (userId, clientId) unique key makes a resend,
 * even through another slave, return the first copy: `created: false` means "already stored, do not deliver".
 */
export async function storeMessage(input: TNewMessage): Promise<{ message: TMessage; created: boolean }> {
  try {
    const row = await db.chatMessage.create({ data: input, select: messageSelect });
    return { message: toMessage(row), created: true };
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") throw err;
    const existing = await findByClientId(input.userId, input.clientId);
    if (!existing) throw err;
    return { message: existing, created: false };
  }
}

export async function findByClientId(userId: string, clientId: string): Promise<TMessage | null> {
  const row = await db.chatMessage.findUnique({ where: { userId_clientId: { userId, clientId } }, select: messageSelect });
  return row ? toMessage(row) : null;
}
