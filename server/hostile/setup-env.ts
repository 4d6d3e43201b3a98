/**
 * Import first in the hostile suite: a fresh data directory (SQLite file, generated internal secret,
 * media, uploads) and the ports of the system under attack, set before anything reads the environment,
 * so the test process's Prisma client and the started system share one database.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "onair-hostile-"));
/** Web port; master +10, slaves +11 and +12, media node +30 (the e2e suite uses 3310 and up). */
export const BASE_PORT = Number(process.env.HOSTILE_PORT ?? 3410);
export const PORTS = {
  web: BASE_PORT,
  master: BASE_PORT + 10,
  slaves: [BASE_PORT + 11, BASE_PORT + 12],
  media: BASE_PORT + 30,
};
/** Idle publishers are closed after this many seconds (the default is 10; shorter keeps the run short). */
export const MEDIA_IDLE_SECONDS = 3;
export const SIGNUP_LIMIT_PER_HOUR = 25;
export const METRICS_TOKEN = "hostile-suite-metrics-token";

Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(DATA_DIR, "onair.db")}`,
  INTERNAL_SECRET_FILE: path.join(DATA_DIR, "internal-secret"),
  MEDIA_DIR: path.join(DATA_DIR, "media"),
  UPLOADS_DIR: path.join(DATA_DIR, "uploads"),
  LOG_LEVEL: "warn",
});
delete process.env.INTERNAL_SECRET;
