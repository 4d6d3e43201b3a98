import { drainMediaNode } from "@/server/admin/drain-media-node";
import { drainRoute } from "@/app/api/_lib/drain-route";

/** ADMIN: `{ draining?: true }` drains the media node (its shows finish, no new ones arrive), `{ draining: false }` resumes it. */
export const POST = drainRoute(drainMediaNode);
