/**
 * The demo show's live source (`npm start` runs it unless DEMO_LIVE_SOURCE=off): a generated picture and
 * tone published to the seeded `demo-on-air` show through the real ingest, as its seller. Supervised like
 * every tier: if it dies it is restarted. Never run it in production (docs/OPERATIONS.md).
 */
process.env.ONAIR_ROLE ??= "demo";

import path from "node:path";
import { createSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { env, publicUrl } from "@/server/env";
import { createLogger } from "@/server/log";
import { ffmpegPath } from "@/server/media/config";
import { DEMO_ON_AIR_SLUG, demoLoopArgs } from "@/server/media/demo-source/demo-args";
import { prepareDemoClip } from "@/server/media/demo-source/demo-clip";
import { DemoSource } from "@/server/media/demo-source/demo-source";
import { onStopSignal, runMain } from "@/server/run-main";

const e = env();
const log = createLogger("media:demo");
const webUrl = e.DEMO_WEB_URL ?? publicUrl();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForWeb(): Promise<void> {
  for (;;) {
    const ok = await fetch(`${webUrl}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(1000);
  }
}

async function main(): Promise<void> {
  if (e.DEMO_LIVE_SOURCE === "off") return void log.info("DEMO_LIVE_SOURCE=off: nothing to do");
  const room = await db.room.findUnique({
    where: { slug: DEMO_ON_AIR_SLUG },
    select: { id: true, sellerId: true, status: true },
  });
  if (!room || room.status === "ENDED") {
    // Stay up doing nothing: exiting would only make the supervisor start us again and again.
    log.info(
      { slug: DEMO_ON_AIR_SLUG },
      room ? "the demo show has ended; idle" : "no demo show in this database; idle",
    );
    return void setInterval(() => undefined, 1 << 30);
  }
  // A clip encoded once and looped by copying: encoding the picture live cost ~0.07 of a core for as long
  // as the demo ran, on every fresh install.
  const clip = await prepareDemoClip(ffmpegPath(), path.join(e.MEDIA_DIR, "demo"));
  await waitForWeb();
  let token: string | null = null;
  const source = new DemoSource({
    ingestUrl: `${webUrl.replace(/^http/, "ws")}/ingest/${room.id}`,
    ffmpegPath: ffmpegPath(),
    ffmpegArgs: demoLoopArgs(clip),
    log,
    token: async () => (token ??= (await createSession(room.sellerId)).token),
    onClose: (code) => {
      if (code === 4401) token = null; // the session was revoked: sign in again next time
      return code === 4410 ? "stop" : "retry";
    },
  });
  source.start();
  log.info({ roomId: room.id, webUrl }, "demo source publishing");
  const stop = () => {
    source.stop();
    void db.$disconnect().finally(() => process.exit(0));
  };
  onStopSignal(stop);
}

runMain(log, "demo source failed", main);
