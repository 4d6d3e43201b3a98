import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "@/scripts/migrate";
import { serializeSqliteAdapter } from "@/server/sqlite-serial-adapter";

function freshClient(serialized: boolean): PrismaClient {
  const url = `file:/tmp/onair-serial-${process.pid}-${serialized}-${Date.now()}.db`;
  process.env.DATABASE_URL = url;
  migrate();
  const adapter = new PrismaBetterSQLite3({ url });
  return new PrismaClient({ adapter: serialized ? serializeSqliteAdapter(adapter) : adapter });
}

/** A plain write issued while another transaction is open, which then rolls back. Returns rows kept. */
async function writeDuringRollback(db: PrismaClient): Promise<number> {
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const failing = db
    .$transaction(async (tx) => {
      await tx.user.create({ data: { email: "rolled-back@example.com", name: "x", passwordHash: "x" } });
      opened();
      await new Promise((r) => setTimeout(r, 100));
      throw new Error("refused");
    })
    .catch(() => undefined);
  await isOpen;
  const plain = db.$executeRaw`INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt")
    VALUES ('kept', 'kept@example.com', 'k', 'x', CURRENT_TIMESTAMP)`;
  await Promise.all([failing, plain]);
  const kept = await db.user.count({ where: { email: "kept@example.com" } });
  await db.$disconnect();
  return kept;
}

describe("serializeSqliteAdapter", () => {
  it("keeps a write made while another transaction is open and then rolls back", async () => {
    expect(await writeDuringRollback(freshClient(true))).toBe(1);
  });

  it("is needed: the bare adapter runs that write inside the other transaction and loses it", async () => {
    expect(await writeDuringRollback(freshClient(false))).toBe(0);
  });
});
