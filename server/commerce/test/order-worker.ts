/**
 * A separate process placing orders on the shared SQLite file, for the multi-process test: the web tier
 * and the chat nodes are separate processes on one database, so checkouts must survive SQLITE_BUSY.
 * Env: DATABASE_URL, PRODUCT_ID, BUYER_IDS (comma-separated), ATTEMPTS. Prints `{ codes }` as JSON.
 */
import { placeOrder } from "@/server/commerce/place-order";
import { ApiError } from "@/server/http/errors";
import { db } from "@/server/db";

async function main(): Promise<void> {
  const productId = process.env.PRODUCT_ID ?? "";
  const buyers = (process.env.BUYER_IDS ?? "").split(",");
  const attempts = Number(process.env.ATTEMPTS ?? 50);
  const codes = await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      try {
        await placeOrder(buyers[i % buyers.length]!, { productId, quantity: 1 });
        return "OK";
      } catch (err) {
        return err instanceof ApiError ? err.code : `ERROR ${(err as Error).message.slice(0, 200)}`;
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ codes })}\n`);
  await db.$disconnect();
}

void main();
