import { afterEach, describe, expect, it } from "vitest";
import { envPart, ZDatabaseEnv, ZSessionEnv } from "@/server/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("envPart", () => {
  it("gives the defaults of the embedded setup when nothing is set", () => {
    delete process.env.SESSION_DAYS;
    delete process.env.DATABASE_POOL_SIZE;
    expect(envPart(ZSessionEnv).SESSION_DAYS).toBe(30);
    expect(envPart(ZDatabaseEnv).DATABASE_POOL_SIZE).toBe(10);
  });

  it("refuses a bad value, naming the variable, instead of reading it as NaN", () => {
    process.env.SESSION_DAYS = "thirty";
    expect(() => envPart(ZSessionEnv)).toThrow(/SESSION_DAYS/);
    process.env.DATABASE_POOL_SIZE = "0";
    expect(() => envPart(ZDatabaseEnv)).toThrow(/DATABASE_POOL_SIZE/);
    delete process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_URL = "mysql://db";
    expect(() => envPart(ZDatabaseEnv)).toThrow(/DATABASE_URL: must start with file: or postgresql/);
  });

  it("reads the value as it is now, so a test can re-point it", () => {
    process.env.DATABASE_URL = "file:/tmp/a.db";
    expect(envPart(ZDatabaseEnv).DATABASE_URL).toBe("file:/tmp/a.db");
    process.env.DATABASE_URL = "postgresql://u:p@127.0.0.1/x";
    expect(envPart(ZDatabaseEnv).DATABASE_URL).toBe("postgresql://u:p@127.0.0.1/x");
  });
});
