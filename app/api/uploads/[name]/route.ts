import { handle } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { readProductImage } from "@/server/products/images/read-product-image";

/** A product image. Names are random and never reused, so browsers may cache them for good. */
export const GET = handle(async (_req, ctx: { params: Promise<{ name: string }> }) => {
  const { name } = await ctx.params;
  const bytes = await readProductImage(name);
  if (!bytes) throw notFound("There is no such image.");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});
