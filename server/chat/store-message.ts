import { isUniqueViolation } from "@/server/db-errors";
import type { TMessage, TMessageKind } from "@/lib/chat/protocol";
import { db, rawDb } from "@/server/db";
import { messageColumns, messageSelect, toMessage } from "@/server/chat/message-row";
import { insertMessagesSqlite } from "@/server/chat/store-messages-sqlite";

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
 * Stores several messages in one transaction (one fsync), results in input order; the authors come from the
 * caller. SQLite: a prepared insert per row on a connection of its own (store-messages-sqlite.ts), a resend
 * read back as its first copy. PostgreSQL: one INSERT … RETURNING; when any of the group is a resend (unique
 * key taken), nothing of it was written and each is stored on its own.
 */
export async function storeMessages(inputs: (TNewMessage & { author: TAuthor })[]): Promise<TStored[]> {
  if (rawDb.kind === "sqlite") {
    const made = await insertMessagesSqlite(rawDb.file, rawDb.lock, inputs);
    const out: TStored[] = [];
    for (const [i, message] of made.entries()) {
      if (message) {
        out.push({ message, created: true });
        continue;
      }
      const { userId, roomId, clientId } = inputs[i]!;
      const first = await findByClientId(userId, roomId, clientId);
      if (!first) throw new Error("a resent message's first copy is missing");
      out.push({ message: first, created: false });
    }
    return out;
  }
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
