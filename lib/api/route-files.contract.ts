import { z } from "zod";
import { route, ZIdParams } from "@/lib/api/contract-kit";
import { ZCheckoutRequest, ZCheckoutResponse } from "@/lib/commerce/checkout.types";

/**
 * Endpoints answered outside oRPC, described here so /api/openapi.json lists every path of the public
 * contract. Not served by oRPC, each for its reason:
 * - `POST /api/checkout`: the web server answers it before Next.js (server/web/checkout.ts), so a flash
 *   sale's burst never waits on the page renderer.
 * - `/api/uploads`: a multipart (or raw image) upload up to 5 MB and the image bytes back, not JSON.
 * - `GET /api/health`: the supervisor's and Playwright's probe; it must answer even when the API's own
 *   plumbing is what broke.
 * - `GET /api/rooms` and `GET /api/rooms/:id`: the room cache's bytes with a weak ETag (304 on a match),
 *   mostly answered before Next.js (server/web/room-json.ts); the route files answer the misses.
 */
const ZAny = z.looseObject({});

export const routeFilesContract = {
  health: route
    .get("/health", "Liveness and database reachability of the web tier.", { tags: ["operations"] })
    .output(z.looseObject({ ok: z.boolean(), role: z.literal("web") })),
  uploadImage: route
    .post(
      "/uploads",
      "SELLER/ADMIN: uploads a product photo (multipart field `file`, or a raw image body) → `{ image: { url, width, height, bytes, type } }`.",
      { successStatus: 201, tags: ["products"] },
    )
    .output(z.object({ image: ZAny })),
  image: route
    .get("/uploads/{name}", "A product image (image/webp), cacheable for good.", {
      tags: ["products"],
    })
    .input(z.object({ params: z.object({ name: z.string() }) })),
  checkout: route
    .post(
      "/checkout",
      "The whole cart as one order, every line reserved in one step or none (409 OUT_OF_STOCK with `error.productIds`); the same key again returns the same order (200).",
      { successStatus: 201, tags: ["orders"] },
    )
    .input(z.object({ body: ZCheckoutRequest }))
    .output(ZCheckoutResponse),
  rooms: route.get("/rooms", "Every show, with an ETag.", { tags: ["rooms"] }).output(z.array(ZAny)),
  room: route
    .get("/rooms/{id}", "One show by id or slug, with `products` and `chat` settings, with an ETag.", {
      tags: ["rooms"],
    })
    .input(z.object({ params: ZIdParams }))
    .output(ZAny),
};
