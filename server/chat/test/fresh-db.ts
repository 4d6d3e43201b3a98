/**
 * Import first in a chat test file: points this process (and the processes the cluster spawns) at a
 * brand-new database (a SQLite file, or a PostgreSQL database when TEST_POSTGRES_URL is set), before
 * anything imports the Prisma client.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";

const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
export const TEST_DB_FILE = path.join(os.tmpdir(), `onair-chat-test-${tag}.db`);
process.env.DATABASE_URL = testingPostgres() ? freshDatabaseUrl("chat") : `file:${TEST_DB_FILE}`;
process.env.INTERNAL_SECRET = `test-secret-${tag}`;
process.env.LOG_LEVEL ??= "warn";
