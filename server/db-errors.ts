/**
 * Prisma error checks that hold on both backends. The PostgreSQL client is generated separately
 * (`@onair/prisma-pg`), so its errors are not instances of `@prisma/client`'s error classes: match on the
 * error code, never with `instanceof Prisma.PrismaClientKnownRequestError`.
 */
const codeOf = (err: unknown): unknown =>
  typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;

/** A unique index refused the write (Prisma P2002): a resend, a taken email, a bid seq already used. */
export function isUniqueViolation(err: unknown): boolean {
  return codeOf(err) === "P2002";
}
