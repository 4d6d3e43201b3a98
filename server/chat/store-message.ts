import { isUniqueViolation } from "@/server/db-errors";
import type { TMessage, TMessageKind } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { messageColumns, messageSelect, toMessage } from "@/server/chat/message-row";

export type TNewMessage = {
  roomId: string;
  userId: string;
  clientId: string;
  text: string;
  kind: TMessageKind;
  nodeId: string;
};

/** The author as the sending slave knows them (its authenticated socket): saves re-reading the user row. */
export type TAuthor = { id: string; name: string; role: TMessage["user"]["role"] };

export type TStored = { message: TMessage; created: boolean };

/**
 * Stores a message durably before anyone acknowledges it. The (userId, roomId, clientId) unique key makes a
 * resend, even through another slave, return the first copy: `created: false` means "already stored, do
 * not deliver". The same clientId in another room is another message.
 */
export async function storeMessage(input: TNewMessage): Promise<TStored> {
  try {
    const row = await db.chatMessage.create({ data: input, select: messageSelect });
    return { message: toMessage(row), created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await findByClientId(input.userId, input.roomId, input.clientId);
    if (!existing) throw err;
    return { message: existing, created: false };
  }
}

/**
 * Stores several messages in one statement (one INSERT … RETURNING: one transaction, one fsync), results in
 * input order. The authors come from the caller, so the statement is the only query. When any of them is a
 * resend (unique key taken), nothing of the group was written: each is stored on its own.
 */
export async function storeMessages(inputs: (TNewMessage & { author: TAuthor })[]): Promise<TStored[]> {
  let rows;
  try {
    rows = await db.chatMessage.createManyAndReturn({
      data: inputs.map(({ author: _author, ...data }) => data),
      select: { ...messageColumns, userId: true },
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const out: TStored[] = [];
    for (const { author: _author, ...input } of inputs) out.push(await storeMessage(input));
    return out;
  }
  const key = (userId: string | null, roomId: string, clientId: string) =>
    `${userId ?? ""}\n${roomId}\n${clientId}`;
  const byKey = new Map(rows.map((row) => [key(row.userId, row.roomId, row.clientId), row]));
  return inputs.map((input) => {
    const row = byKey.get(key(input.userId, input.roomId, input.clientId));
    if (!row) throw new Error("a stored row is missing from RETURNING");
    const { userId: _userId, ...fields } = row;
    return { message: toMessage({ ...fields, user: input.author }), created: true };
  });
}

export async function findByClientId(
  userId: string,
  roomId: string,
  clientId: string,
): Promise<TMessage | null> {
  const row = await db.chatMessage.findUnique({
    where: { userId_roomId_clientId: { userId, roomId, clientId } },
    select: messageSelect,
  });
  return row ? toMessage(row) : null;
}
