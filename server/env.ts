import { z } from "zod";
import { resolveInternalSecret } from "@/server/security/internal-secret";
import { ZAuthThrottleEnv } from "@/server/security/auth-throttle-env";
import { ZNodeId } from "@/lib/admin/admin-schemas";

/**
 * Commerce settings (docs/COMMERCE.md). Also parsed on their own by server/commerce/config.ts on every
 * call, so tests can change the hold time per case; env() still validates them at start-up.
 */
export const ZCommerceEnv = z.object({
  /** How long an unpaid order holds its units before the sweeper puts them back. */
  ORDER_HOLD_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60 * 60)
    .default(600),
  /**
   * How often the order sweeper looks for expired holds. One index range scan on Order(status, expiresAt)
   * (~0.1 ms), so twice a second is cheap and keeps "an expired hold is back on sale within a second".
   */
  ORDER_SWEEP_SECONDS: z.coerce.number().min(0.1).max(3600).default(0.5),
  /**
   * Unpaid units one buyer may hold of one product (409 HOLD_LIMIT beyond): without it one account can
   * hold a show's whole stock unpaid, again and again, and nobody else can buy.
   */
  ORDER_HOLD_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Where uploaded product images are written. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  /** The payment provider: only the card processor test mode (`test`) ships. */
  PAYMENT_PROVIDER: z.enum(["test"]).default("test"),
});

/**
 * The database (server/db.ts, scripts/migrate.ts). Parsed on its own when a client is made: each test file
 * points DATABASE_URL at a fresh database before its first query, after env() may have been cached.
 */
export const ZDatabaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgresql://")
    .default("file:./data/onair.db"),
  /** Connections per process on PostgreSQL (Prisma and the checkout share them). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

/** Logging (server/log.ts): read when each logger is made, which is at import, before env() runs. */
export const ZLogEnv = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set by each process's entry point (web, master, slave, media, demo), not by operators. */
  ONAIR_ROLE: z.string().max(20).optional(),
});

/** Signed-in sessions (server/auth/sessions.ts). */
export const ZSessionEnv = z.object({
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

/** Bearer token for /metrics on the web port (and on slaves when set); unset: the web port answers 404. */
export const ZMetricsEnv = z.object({
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
});

/**
 * One group of the variables below, parsed from process.env now (not cached), for modules that load before
 * env() runs or that tests re-point. A bad value throws, naming the variable; env() also checks it at start.
 */
export function envPart<T extends z.ZodObject>(schema: T): z.infer<T> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(", ");
    throw new Error(`Invalid environment variable(s): ${names}`);
  }
  return parsed.data;
}

/** Sources added to the pages' CSP connect-src: no quote, comma or semicolon could end the directive. */
export const ZCspConnectSrc = z
  .string()
  .regex(/^[^;,'"]*$/, "space-separated sources without quotes, commas or semicolons");

/** A comma-separated list, blanks dropped (CHAT_MASTER_URLS, MEDIA_ALLOWED_ORIGINS). */
export const ZCommaList = z.string().transform((v) =>
  v
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean),
);

/** Every environment variable OnAir reads, parsed once. Defaults are the embedded single-machine setup. */
const ZEnv = z.object({
  ...ZCommerceEnv.shape,
  ...ZAuthThrottleEnv.shape,
  ...ZDatabaseEnv.shape,
  ...ZLogEnv.shape,
  ...ZSessionEnv.shape,
  ...ZMetricsEnv.shape,
  /** The web tier runs behind a reverse proxy that appends the client's address to X-Forwarded-For. */
  TRUST_PROXY: z.stringbool().default(false),
  /** More connect-src sources for the pages' CSP, space-separated (e.g. "https://chat.example.com"). */
  CSP_CONNECT_SRC: ZCspConnectSrc.optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  CHAT_MASTER_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  CHAT_MASTER_HOST: z.string().min(1).optional(),
  CHAT_MASTER_URL: z.url().optional(),
  /** Every master's URL, comma-separated (active + standby); slaves and the web tier follow the active one. */
  CHAT_MASTER_URLS: ZCommaList.pipe(z.array(z.url()).min(1)).optional(),
  CHAT_SLAVES: z.coerce.number().int().min(1).max(16).default(2),
  CHAT_SLAVE_BASE_PORT: z.coerce.number().int().min(1).max(65535).default(3101),
  CHAT_SLAVE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  CHAT_SLAVE_HOST: z.string().min(1).optional(),
  CHAT_SLAVE_PUBLIC_URL: z.url().optional(),
  CHAT_NODE_ID: ZNodeId.optional(),
  /** Shared by web, masters and slaves. Unset: this install's generated secret in INTERNAL_SECRET_FILE. */
  INTERNAL_SECRET: z.string().min(16, "use at least 16 characters (openssl rand -base64 32)").optional(),
  INTERNAL_SECRET_FILE: z.string().min(1).default("./data/internal-secret"),
  // Media (server/media, docs/MEDIA.md): browser ingest, ffmpeg, HLS files.
  FFMPEG_PATH: z.string().min(1).optional(),
  MEDIA_DIR: z.string().min(1).default("./data/media"),
  MEDIA_MAX_CHUNK_KB: z.coerce.number().int().min(16).max(16_384).default(1024),
  MEDIA_MAX_KBPS: z.coerce.number().int().min(500).max(100_000).default(8000),
  MEDIA_MAX_SHOW_MB: z.coerce.number().int().min(10).max(1_000_000).default(4096),
  /** Live shows per media process; shows whose video is copied cost ~0.03 core (docs/PERFORMANCE.md). */
  MEDIA_MAX_LIVE_SHOWS: z.coerce.number().int().min(1).max(1000).default(20),
  /** Of those, shows re-encoded with x264 (~0.23 core each): browsers without H.264 or 1 s keyframes. */
  MEDIA_MAX_TRANSCODES: z.coerce.number().int().min(0).max(1000).default(2),
  MEDIA_RECONNECT_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** Offers the clock test pattern as a camera in the studio (benchmarks, demos). Never set in production. */
  MEDIA_TEST_SOURCE: z.stringbool().default(false),
  // Media nodes (server/media/node, docs/MEDIA.md): `npm start` runs MEDIA_NODES of them; one alone with MEDIA_PORT.
  MEDIA_NODES: z.coerce.number().int().min(1).max(16).default(1),
  MEDIA_BASE_PORT: z.coerce.number().int().min(1).max(65535).default(3200),
  MEDIA_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MEDIA_HOST: z.string().min(1).optional(),
  MEDIA_NODE_ID: ZNodeId.optional(),
  /** Where web processes reach this node (HTTP + WebSocket); announced in its heartbeat row. */
  MEDIA_NODE_URL: z.url().optional(),
  /** Page origins, besides PUBLIC_URL's and the request's own host, allowed to open the ingest WebSocket. */
  MEDIA_ALLOWED_ORIGINS: ZCommaList.pipe(z.array(z.url())).optional(),
  /** Seconds without media (after hello or mid-show) before an ingest is closed and its slot freed. */
  MEDIA_IDLE_SECONDS: z.coerce.number().int().min(2).max(600).default(10),
  /** The generated picture and tone that keeps the demo show live on a fresh install. `off` in production. */
  DEMO_LIVE_SOURCE: z.enum(["on", "off"]).default("on"),
  /** Where the demo source reaches the web tier (npm start sets it). */
  DEMO_WEB_URL: z.url().optional(),
  /**
   * How long a web process trusts its cached room JSON and page shells when no change was announced
   * (docs/OPERATIONS.md): changes invalidate at once through the chat master; this only bounds a missed one.
   */
  ROOM_CACHE_TTL_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type TEnv = Omit<z.infer<typeof ZEnv>, "INTERNAL_SECRET"> & { INTERNAL_SECRET: string };

let cached: TEnv | undefined;

/** Parses process.env once; a bad variable stops the process with a message naming it. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    console.error(`Invalid environment:\n${lines.join("\n")}`);
    process.exit(1);
  }
  try {
    const secret = resolveInternalSecret({
      given: parsed.data.INTERNAL_SECRET,
      file: parsed.data.INTERNAL_SECRET_FILE,
      production: parsed.data.NODE_ENV === "production",
    });
    cached = { ...parsed.data, INTERNAL_SECRET: secret };
  } catch (err) {
    console.error(
      `Invalid environment:\n  INTERNAL_SECRET: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  }
  return cached;
}

export function masterUrl(): string {
  const e = env();
  return e.CHAT_MASTER_URL ?? `http://127.0.0.1:${e.CHAT_MASTER_PORT}`;
}

/** The masters to try, in order: CHAT_MASTER_URLS, else the one master of masterUrl(). */
export function masterUrls(): string[] {
  return env().CHAT_MASTER_URLS ?? [masterUrl()];
}

export function publicUrl(): string {
  const e = env();
  return e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
}
