/**
 * Derives prisma/postgres/schema.prisma from prisma/schema.prisma: the same model with the postgresql
 * provider, generated into its own client package (`@onair/prisma-pg`). One model, two databases.
 * `npm run db:pg-schema` rewrites it; a unit test fails when it is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";

export const PG_SCHEMA_PATH = "prisma/postgres/schema.prisma";

export function derivePgSchema(sqliteSchema: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/pg-schema.ts: edit that file, then `npm run db:pg-schema`.\n\n";
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace(
        /(generator client \{[^}]*?provider\s*=\s*"prisma-client-js")/,
        '$1\n  output     = "../../node_modules/@onair/prisma-pg"',
      )
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(PG_SCHEMA_PATH, derivePgSchema(readFileSync("prisma/schema.prisma", "utf8")));
  console.log(`wrote ${PG_SCHEMA_PATH}`);
}
