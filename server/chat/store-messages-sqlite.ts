import Database from "better-sqlite3";
import type { Mutex } from "@/server/sqlite-serial-adapter";
import type { TMessageKind } from "@/lib/chat/protocol";
import { processSlot } from "@/server/process-state";
import { openSqliteWriter, sqliteDate } from "@/server/sqlite-writer";
import { toMessage } from "@/server/chat/message-row";
import type { TAuthor, TNewMessage } from "@/server/chat/store-message";

// A resend (same author, room and clientId) inserts nothing and returns no row: the caller reads the first copy.
const INSERT = `INSERT INTO "ChatMessage" ("roomId", "userId", "clientId", "text", "kind", "nodeId", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("userId", "roomId", "clientId") DO NOTHING RETURNING "id"`;

type TInsert = [string, string, string, string, TMessageKind, string, string];

function writer(file: string) {
  const slot = processSlot<{
    file: string;
    conn: Database.Database;
    insert: Database.Statement<TInsert, { id: number }>;
  }>("message-writer");
  if (slot.current?.file !== file) {
    const conn = openSqliteWriter(file);
    slot.current = { file, conn, insert: conn.prepare<TInsert, { id: number }>(INSERT) };
  }
  return slot.current;
}

/**
 * A slave's group of messages in one SQLite transaction (one fsync), by one prepared statement per row on a
 * connection of its own. Prisma's query interpreter cost more than the insert (docs/PERFORMANCE.md). The
 * connection is used only under the lock that this process's Prisma connection also takes, so the two never
 * interleave; other processes wait on SQLite's busy timeout. Answers, in input order, each new message, or
 * null for a resend, which the caller reads as the first copy.
 */
export async function insertMessagesSqlite(
  file: string,
  lock: Mutex,
  inputs: (TNewMessage & { author: TAuthor })[],
) {
  const release = await lock.lock();
  try {
    const { conn, insert } = writer(file);
    const now = new Date();
    const createdAt = sqliteDate(now);
    return conn
      .transaction(() =>
        inputs.map((m) => {
          const row = insert.get(m.roomId, m.userId, m.clientId, m.text, m.kind, m.nodeId, createdAt);
          if (!row) return null;
          return toMessage({
            id: row.id,
            roomId: m.roomId,
            clientId: m.clientId,
            text: m.text,
            kind: m.kind,
            nodeId: m.nodeId,
            createdAt: now,
            user: m.author,
          });
        }),
      )
      .immediate();
  } finally {
    release();
  }
}
