/**
 * A media host for `npm run bench:media`: the media tier (ingest WebSocket, ffmpeg, packager, HLS
 * handler, exactly as the web tier mounts it) alone on one HTTP server, with a fresh SQLite database
 * holding one seller and BENCH_ROOMS shows. Prints one JSON line `{ port, pid, rooms: [{ id, token }] }`.
 * Run by bench/media.ts as its own process, so its CPU can be measured apart from the load generator.
 */
import { createServer } from "node:http";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_MEDIA_PORT ?? 4200);
const ROOMS = Math.min(500, Math.max(1, Number(process.env.BENCH_ROOMS ?? 40)));
const dir = path.resolve(`./data/bench-media-host-${PORT}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.MEDIA_DIR = path.join(dir, "media");
process.env.MEDIA_MAX_LIVE_SHOWS ??= "500";
process.env.MEDIA_RECONNECT_GRACE_SECONDS ??= "1";
process.env.LOG_LEVEL ??= "warn";

async function main(): Promise<void> {
  const { migrate } = await import("@/scripts/migrate");
  migrate();
  const { db } = await import("@/server/db");
  const { createSession } = await import("@/server/auth/sessions");
  const seller = await db.user.create({
    data: { email: "bench-seller@onair.test", name: "Bench", role: "SELLER", passwordHash: "x" },
  });
  const { token } = await createSession(seller.id);
  const rooms: { id: string; token: string }[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const room = await db.room.create({
      data: { slug: `bench-media-${i}`, title: `Bench ${i}`, sellerId: seller.id },
    });
    rooms.push({ id: room.id, token });
  }
  const { mountMedia } = await import("@/server/media/mount");
  const server = createServer();
  const serveMedia = mountMedia(server);
  server.on("request", (req, res) => {
    if (!serveMedia(req, res)) res.writeHead(404).end();
  });
  server.listen(PORT, "127.0.0.1", () =>
    console.log(JSON.stringify({ port: PORT, pid: process.pid, rooms })),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
