import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePgSchema, PG_SCHEMA_PATH } from "./pg-schema";

describe("prisma/postgres/schema.prisma", () => {
  it("is the SQLite model with the postgresql provider (run `npm run db:pg-schema` after a schema change)", () => {
    expect(readFileSync(PG_SCHEMA_PATH, "utf8")).toBe(
      derivePgSchema(readFileSync("prisma/schema.prisma", "utf8")),
    );
  });
});
