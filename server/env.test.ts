import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { envPart, ZCommaList, ZDatabaseEnv, ZSessionEnv } from "@/server/env";
import { ZNodeId } from "@/lib/admin/admin-schemas";

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

describe("the shared list and node-id rules", () => {
  it("reads a comma-separated list with blanks dropped, and refuses an entry that is not a URL", () => {
    const urls = ZCommaList.pipe(z.array(z.url()).min(1));
    expect(urls.parse(" http://a:3100 ,, http://b:3100 ")).toEqual(["http://a:3100", "http://b:3100"]);
    expect(urls.safeParse("http://a:3100,not a url").success).toBe(false);
    expect(urls.safeParse(" , ").success).toBe(false);
  });

  it("refuses a node id with spaces, slashes or over 40 characters", () => {
    expect(ZNodeId.parse("slave-3101")).toBe("slave-3101");
    for (const bad of ["", "slave 1", "../x", "x".repeat(41)])
      expect(ZNodeId.safeParse(bad).success).toBe(false);
  });
});
