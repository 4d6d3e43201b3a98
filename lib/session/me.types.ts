import { z } from "zod";

/** `GET /api/me`: who is looking, for the parts of a cached page that depend on it (issue 16). */
export const ZMeUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["SHOPPER", "SELLER", "ADMIN"]),
});
export const ZMeResponse = z.object({
  user: ZMeUser.nullable(),
  /** Upcoming shows this viewer asked to be reminded of (at most 200, newest first). */
  remindedRoomIds: z.array(z.string()),
});
export type TMeUser = z.infer<typeof ZMeUser>;
export type TMeResponse = z.infer<typeof ZMeResponse>;
