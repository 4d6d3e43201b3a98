import { dbUrl, removeDbFiles } from "@/server/commerce/test/fresh-db";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeProduct, makeUser, stockOf } from "@/server/commerce/test/fixtures";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

function worker(env: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("server/commerce/test/order-worker.ts")],
      {
        env: { ...process.env, ...env, DATABASE_URL: dbUrl, LOG_LEVEL: "error" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}`));
      resolve((JSON.parse(out.trim().split("\n").pop() ?? "{}") as { codes: string[] }).codes);
    });
  });
}

describe("several processes on one SQLite file", () => {
  it("3 processes × 80 simultaneous orders for 100 units: exactly 100 reserved, the rest OUT_OF_STOCK, no busy errors", async () => {
    const product = await makeProduct({ stock: 100 });
    // 30 buyers: 8 attempts each stay under the hold limit (10 unpaid units per buyer per product).
    const buyers = await Promise.all(Array.from({ length: 30 }, () => makeUser()));
    const env = { PRODUCT_ID: product.id, BUYER_IDS: buyers.map((b) => b.id).join(","), ATTEMPTS: "80" };
    const codes = (await Promise.all([worker(env), worker(env), worker(env)])).flat();

    expect(codes).toHaveLength(240);
    expect(codes.filter((c) => c !== "OK" && c !== "OUT_OF_STOCK")).toEqual([]);
    expect(codes.filter((c) => c === "OK")).toHaveLength(100);
    expect(await stockOf(product.id)).toBe(0);
    expect(await db.order.count({ where: { productId: product.id } })).toBe(100);
  });
});
