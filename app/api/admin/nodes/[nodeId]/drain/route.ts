import { drainChatNode } from "@/server/admin/drain-chat-node";
import { drainRoute } from "@/app/api/_lib/drain-route";

/** ADMIN: `{ draining?: true }` drains the slave (its clients move to the others), `{ draining: false }` resumes it. */
export const POST = drainRoute(drainChatNode);
