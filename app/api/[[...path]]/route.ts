import { handle } from "@/server/http/handle";
import { serveApi } from "@/server/api/serve";

export const dynamic = "force-dynamic";

/**
 * Every /api path without its own route file: the contract's endpoints through oRPC (server/api/), behind
 * the same request rules as the route files (handle(): same-origin check, errors as the contract's JSON),
 * and the contract's 404 NOT_FOUND JSON for an unknown path, never an HTML page.
 */
const serve = handle((req) => serveApi(req));

export { serve as GET, serve as POST, serve as PUT, serve as PATCH, serve as DELETE };
