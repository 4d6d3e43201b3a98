/**
 * Empties the database of DATABASE_URL so the next `npm start` migrates and seeds it afresh (used by the
 * e2e suite). SQLite: deletes the file. PostgreSQL: drops and recreates the database.
 */
import { rmSync } from "node:fs";
import { envPart, ZDatabaseEnv } from "@/server/env";
import { recreatePostgresDatabase } from "@/server/test/fresh-database";
import { sqlitePath } from "./migrate";

const url = envPart(ZDatabaseEnv).DATABASE_URL;
if (url.startsWith("file:")) {
  const file = sqlitePath(url);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
} else {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  recreatePostgresDatabase(target.toString(), name);
}
console.log(`reset ${url.replace(/\/\/[^@]*@/, "//***@")}`);
