import bcrypt from "bcryptjs";

const COST = 10;

/** bcrypt hash of a password (bcryptjs: pure JS, no native build). */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
