// Prisma CLI config for the PostgreSQL copy of the schema (generate and `migrate diff` only: the JS schema
// engine cannot migrate PostgreSQL yet, so scripts/migrate.ts applies prisma/postgres/migrations itself).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

process.env.DATABASE_URL ??= "postgresql://onair:onair@127.0.0.1:5432/onair";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: () => Promise.resolve(new PrismaPg({ connectionString: process.env.DATABASE_URL })),
});
