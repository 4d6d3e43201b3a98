import { PrismaClient } from "@prisma/client";
import { PrismaClient as PgPrismaClient } from "@onair/prisma-pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { serializeSqliteAdapter } from "@/server/sqlite-serial-adapter";

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? "file:./data/onair.db";
  if (isPostgres(url)) {
    // The same model generated for PostgreSQL (prisma/postgres/schema.prisma): the API is identical, so
    // the rest of the code sees one PrismaClient type.
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PgPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // WAL (set by scripts/migrate.ts) lets the web tier and every chat node share one SQLite file; the busy
  // timeout makes concurrent writers wait for each other instead of failing.
  const adapter = serializeSqliteAdapter(new PrismaBetterSQLite3({ url, timeout: 10_000 }));
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { onairPrisma?: PrismaClient };

/** One Prisma client per process (kept across Next.js dev reloads). */
export const db: PrismaClient = globalForPrisma.onairPrisma ?? createClient();
globalForPrisma.onairPrisma = db;
