import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * argon2id (the @node-rs/argon2 defaults: 19 MiB, 2 passes, 1 lane, OWASP's first recommended setting;
 * ~30 ms here). bcrypt, used before, silently ignored every byte after the 72nd; its hashes still verify and
 * are replaced by argon2id on the owner's next sign-in.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}

/** Whether a stored hash is of the old kind and should be replaced on this sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith("$argon2id$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2")) return argon2Verify(stored, password).catch(() => false);
  if (stored.startsWith("$2")) return bcrypt.compare(password, stored);
  return false;
}
