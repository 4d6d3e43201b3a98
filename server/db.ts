import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL ?? "file:./data/onair.db";
  if (url.startsWith("postgres")) {
    throw new Error("PostgreSQL support is not wired in this build yet; use a file: DATABASE_URL");
  }
  // WAL lets the web tier and every chat node share one SQLite file on one machine.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { onairPrisma?: PrismaClient };

/** One Prisma client per process (kept across Next.js dev reloads). */
export const db: PrismaClient = globalForPrisma.onairPrisma ?? createClient();
globalForPrisma.onairPrisma = db;
