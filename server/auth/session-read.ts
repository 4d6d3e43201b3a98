import type Database from "better-sqlite3";
import type { Role } from "@prisma/client";
import { rawDb } from "@/server/db";
import { sqliteReader } from "@/server/sqlite-reader";

/** A session with its user's sign-in facts, as one read returns them. */
export type TSessionRow = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  expiresMs: number;
  lastSeenMs: number;
};

const COLUMNS = `u."id" AS "userId", u."name", u."email", u."role", u."disabledAt" IS NOT NULL AS "disabled"`;
const SQLITE = `SELECT ${COLUMNS}, s."expiresAt" AS "expires", s."lastSeenAt" AS "lastSeen"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`;
// timestamp(3) holds UTC (Prisma writes it so); epoch milliseconds avoid pg's local-time parsing of it.
const POSTGRES = `SELECT ${COLUMNS}, (EXTRACT(EPOCH FROM s."expiresAt") * 1000)::float8 AS "expires",
  (EXTRACT(EPOCH FROM s."lastSeenAt") * 1000)::float8 AS "lastSeen"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = $1`;

type TRaw = Omit<TSessionRow, "disabled" | "expiresMs" | "lastSeenMs"> & {
  disabled: number | boolean;
  expires: string | number;
  lastSeen: string | number;
};

/** SQLite keeps Prisma's DateTime as ISO text ("…+00:00"); older files may hold epoch milliseconds. */
const ms = (v: string | number) => (typeof v === "number" ? v : Date.parse(v));

const row = (r: TRaw | undefined): TSessionRow | null =>
  r
    ? {
        userId: r.userId,
        name: r.name,
        email: r.email,
        role: r.role,
        disabled: Boolean(r.disabled),
        expiresMs: ms(r.expires),
        lastSeenMs: ms(r.lastSeen),
      }
    : null;

const statements = new WeakMap<Database.Database, Database.Statement<[string], TRaw>>();

function sqliteStatement(file: string): Database.Statement<[string], TRaw> {
  const conn = sqliteReader(file);
  let statement = statements.get(conn);
  if (!statement) statements.set(conn, (statement = conn.prepare<[string], TRaw>(SQLITE)));
  return statement;
}

/**
 * The session `id` and its user, in one statement. Every signed-in request and chat connection asks this,
 * and through Prisma it was the largest single read of a checkout (docs/PERFORMANCE.md): the ORM's
 * query compilation cost more than the read. On PostgreSQL it goes down the shared pipelined connection
 * (server/pg-shared-reader.ts), not the pool. Writes to sessions stay with Prisma (server/auth/sessions.ts).
 */
export async function readSession(id: string): Promise<TSessionRow | null> {
  if (rawDb.kind === "postgres") {
    const result = await rawDb.reads.query<TRaw>({
      name: "onair-session-read",
      text: POSTGRES,
      values: [id],
    });
    return row(result.rows[0]);
  }
  return row(sqliteStatement(rawDb.file).get(id));
}
