import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PUBLISHED_SECRETS } from "@/server/security/internal-secret";

const run = promisify(execFile);

/** Starts a real process that parses the environment as every tier does and prints the secret's fate. */
async function secretOfProcess(
  extra: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const script = `const { env } = require("./server/env.ts"); console.log(JSON.stringify({ s: env().INTERNAL_SECRET }));`;
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== "INTERNAL_SECRET") base[k] = v;
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "-e", script], {
      env: { ...base, ...extra } as NodeJS.ProcessEnv,
      cwd: process.cwd(),
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: err.stdout ?? "", err: err.stderr ?? "" };
  }
}

describe("the internal secret of a production start", () => {
  it("is generated once per install in the data directory, never a published default", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "onair-secret-"));
    const file = path.join(dir, "data", "internal-secret");
    const first = await secretOfProcess({ NODE_ENV: "production", INTERNAL_SECRET_FILE: file });
    expect(first.code).toBe(0);
    const { s } = JSON.parse(first.out) as { s: string };
    expect(PUBLISHED_SECRETS.has(s)).toBe(false);
    expect(s.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(file, "utf8").trim()).toBe(s);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Every other process of the install (master, slaves, web) gets the same one.
    const second = await secretOfProcess({ NODE_ENV: "production", INTERNAL_SECRET_FILE: file });
    expect((JSON.parse(second.out) as { s: string }).s).toBe(s);
  });

  it("refuses to start on a published secret in production, naming the variable", async () => {
    for (const published of PUBLISHED_SECRETS) {
      const res = await secretOfProcess({ NODE_ENV: "production", INTERNAL_SECRET: published });
      expect(res.code).toBe(1);
      expect(res.err).toContain("INTERNAL_SECRET");
      expect(res.out + res.err).not.toContain(published);
    }
  });

  it("takes an operator's own secret as given", async () => {
    const res = await secretOfProcess({
      NODE_ENV: "production",
      INTERNAL_SECRET: "a-long-random-operator-secret-value",
    });
    expect((JSON.parse(res.out) as { s: string }).s).toBe("a-long-random-operator-secret-value");
  });
});
