import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets that were published in this repository (the old embedded default and .env.example's
 * placeholder). Anyone who can reach a master could register a fake slave with them, so no process ever
 * runs on one in production, and none is ever generated.
 */
export const PUBLISHED_SECRETS = new Set(["onair-embedded-dev-secret", "change-me-in-production"]);

/** 32 random bytes: far beyond guessing, short enough for a header. */
const SECRET_BYTES = 32;

export class InternalSecretError extends Error {}

/**
 * The secret shared by web, masters and slaves. `INTERNAL_SECRET` when set (a published value is refused
 * when NODE_ENV=production); otherwise the install's own secret in `file` (default
 * `./data/internal-secret`), created with 32 random bytes and mode 0600 on first use. Every process of one
 * install reads the same file, so `npm install && npm start` needs no set-up and never runs on a known secret.
 * Hosts that do not share the data directory must set INTERNAL_SECRET (docs/OPERATIONS.md).
 */
export function resolveInternalSecret(opts: {
  given: string | undefined;
  file: string;
  production: boolean;
}): string {
  const given = opts.given?.trim();
  if (given) {
    if (opts.production && PUBLISHED_SECRETS.has(given)) {
      throw new InternalSecretError(
        `INTERNAL_SECRET is set to a value published in OnAir's repository ("${given.slice(0, 6)}…"); anyone could ` +
          "join the chat tier with it. Set a random one (openssl rand -base64 32) or unset it to use this install's generated secret.",
      );
    }
    return given;
  }
  return readOrCreate(path.resolve(opts.file));
}

function readOrCreate(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(SECRET_BYTES).toString("base64url");
  try {
    // `wx`: two processes starting at once cannot both write; the loser reads the winner's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const winner = readSecretFile(file);
    if (!winner)
      throw new InternalSecretError(`${file} exists but holds no secret; delete it to generate a new one.`);
    return winner;
  }
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  if (text.length < 16 || PUBLISHED_SECRETS.has(text)) {
    throw new InternalSecretError(
      `${file} holds a secret that is too short or published; delete it to generate a new one.`,
    );
  }
  // Tighten a copy restored with loose permissions: other local users must not read it.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return text;
}
