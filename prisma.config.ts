import "dotenv/config";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma's CLI needs DATABASE_URL even with an adapter; give the embedded default when unset.
process.env.DATABASE_URL ??= "file:./data/onair.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: () =>
    Promise.resolve(new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/onair.db" })),
});
