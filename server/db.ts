import path from "node:path";
import pg from "pg";
import { PrismaClient } from "@prisma/client";
import { PrismaClient as PgPrismaClient } from "@onair/prisma-pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { envPart, ZDatabaseEnv } from "@/server/env";
import { createLogger } from "@/server/log";
import { Mutex, serializeSqliteAdapter } from "@/server/sqlite-serial-adapter";
import { processWide } from "@/server/process-state";
import { sharedReader, type TSharedReader } from "@/server/pg-shared-reader";

const log = createLogger("db");

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

/**
 * The same database without the ORM, for the few hot paths where Prisma is the cost (the checkout: see
 * server/commerce/reserve-store.ts). SQLite: the file and the lock that the Prisma connection also takes,
 * so a raw write never interleaves with a Prisma transaction of this process. PostgreSQL: Prisma's own pool.
 */
export type TRawDatabase =
  | { kind: "sqlite"; file: string; lock: Mutex }
  | {
      kind: "postgres";
      pool: pg.Pool;
      /**
       * The checkout's own connections, in pg's pipeline mode: a batch sends its statements without waiting
       * for each answer (server/commerce/checkout/store-postgres.ts). Prisma's pool stays in the ordinary
       * mode (a pipelined connection refuses cursors). Opened on first use, so only web processes open them.
       */
      checkout: pg.Pool;
      /**
       * One pipelined connection that hot point reads share (the session read, a product's state for
       * `product:update`): they go out at once instead of queueing for a free pool connection
       * (server/pg-shared-reader.ts). Opened on the first read.
       */
      reads: TSharedReader;
    };

type TClients = { prisma: PrismaClient; raw: TRawDatabase };

/**
 * Every interactive transaction waits its turn instead of failing: on SQLite each statement of the process
 * queues behind one lock (server/sqlite-serial-adapter.ts), and Prisma's defaults (2 s to start, 5 s to
 * finish) turned a moderator's PATCH into a 500 while a burst of checkouts or a loaded machine held that
 * queue for a few seconds. A transaction that really hangs is still ended, after 20 s.
 */
const transactionOptions = { maxWait: 20_000, timeout: 20_000 };

/**
 * PostgreSQL checkout batches that may run at once (server/commerce/checkout/reservation-queue-of.ts): batches
 * of one hot product wait on its row lock anyway; two at once keep other products moving.
 */
export const CHECKOUT_PARALLEL_BATCHES = 2;

/** Connections of the PostgreSQL checkout pool: one per parallel batch and one for the sweeper's transaction. */
const CHECKOUT_CONNECTIONS = CHECKOUT_PARALLEL_BATCHES + 1;

function createClients(): TClients {
  const { DATABASE_URL: url, DATABASE_POOL_SIZE } = envPart(ZDatabaseEnv);
  if (isPostgres(url)) {
    // The same model generated for PostgreSQL (prisma/postgres/schema.prisma): the API is identical, so
    // the rest of the code sees one PrismaClient type.
    const pool = new pg.Pool({ connectionString: url, max: DATABASE_POOL_SIZE });
    // An idle connection the server ends (a restart) is an "error" event on the pool; pg drops that
    // connection itself, and without a listener the event would crash the process.
    pool.on("error", (err) => log.warn({ err: err.message }, "idle database connection lost"));
    const prisma = new PgPrismaClient({
      adapter: new PrismaPg(pool),
      transactionOptions,
    }) as unknown as PrismaClient;
    const checkout = new pg.Pool({ connectionString: url, max: CHECKOUT_CONNECTIONS, pipeline: true });
    checkout.on("error", (err) => log.warn({ err: err.message }, "idle checkout connection lost"));
    const reads = sharedReader(url, (err) => log.warn({ err: err.message }, "shared read connection lost"));
    return { prisma, raw: { kind: "postgres", pool, checkout, reads } };
  }
  // WAL (set by scripts/migrate.ts) lets the web tier and every chat node share one SQLite file; the busy
  // timeout makes concurrent writers wait for each other instead of failing.
  const lock = new Mutex();
  const adapter = serializeSqliteAdapter(new PrismaBetterSQLite3({ url, timeout: 10_000 }), lock);
  const file = path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
  return { prisma: new PrismaClient({ adapter, transactionOptions }), raw: { kind: "sqlite", file, lock } };
}

const clients = processWide("database", createClients);

/** One Prisma client per process (kept across Next.js dev reloads and module copies). */
export const db: PrismaClient = clients.prisma;

/** The raw handle that belongs to `db` (same database, same lock or pool). */
export const rawDb: TRawDatabase = clients.raw;
