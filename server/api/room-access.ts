import "server-only";
import type { z } from "zod";
import { ZIdParams } from "@/lib/api/contract-kit";
import { api } from "@/server/api/base";
import { requireRoomStaff } from "@/server/auth/request";
import { parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { db } from "@/server/db";

/**
 * The show's seller or an ADMIN: `context.user` and `context.room`. The show's id is checked first (400),
 * then who asks (401/403, 404 for no such show), and only then the body, as the route files did.
 */
export const roomStaff = api.middleware(async ({ next }, input: { params: unknown }) => {
  const { id } = parseParams(input.params, ZIdParams);
  return next({ context: await requireRoomStaff(id) });
});

/** Well-formed path ids (400 INVALID otherwise) before who asks is checked, as the route files did. */
export const validParams = (schema: z.ZodType) =>
  api.middleware(async ({ next }, input: { params: unknown }) => {
    parseParams(input.params, schema);
    return next();
  });

/** A well-formed show `{id}` before who asks is checked. */
export const validShowId = validParams(ZIdParams);

/** The `{id}` of a show that must exist, for the public reads of its parts: 404 NOT_FOUND otherwise. */
export async function existingShow(id: string): Promise<string> {
  if (!(await db.room.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("This show does not exist.");
  return id;
}
