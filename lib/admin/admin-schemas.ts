/** The admin API's requests (zod), for the contract (lib/admin/admin.contract.ts) and the server. Browser-safe. */
import { z } from "zod";

/** A chat or media node's id: what its logs, heartbeats and the admin's drain name it by. */
export const ZNodeId = z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, "Not a node id.");

/** `POST /api/admin/{nodes,media-nodes}/:nodeId/drain`: `{ draining: false }` lets the node take clients or shows again. */
export const ZDrainRequest = z.strictObject({ draining: z.boolean().default(true) });

/** `GET /api/admin/users?q=&role=` */
export const ZListUsersQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(["ADMIN", "SELLER", "SHOPPER"]).optional(),
});

/** `PATCH /api/admin/users/:id` */
export const ZUpdateUserRequest = z
  .strictObject({ role: z.enum(["ADMIN", "SELLER", "SHOPPER"]).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Send role or disabled." });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

/** `GET /api/admin/audit` */
export const ZAuditQuery = z.object({
  action: z
    .string()
    .max(40)
    .regex(/^[a-z.]*$/)
    .optional(),
  roomId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  targetUserId: z.string().max(64).optional(),
  /** Older than this entry id: the next page. */
  before: z.coerce.number().int().positive().optional(),
  take: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
