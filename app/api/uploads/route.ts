import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { ApiError } from "@/server/http/errors";
import { requireUser } from "@/server/auth/request";
import { MAX_IMAGE_BYTES } from "@/lib/commerce/limits";
import { readCappedBody } from "@/server/products/images/read-capped-body";
import { saveProductImage } from "@/server/products/images/save-product-image";

/** Room for the multipart envelope around a 5 MB file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const TOO_LARGE = "Images can be at most 5 MB.";

/** Pulls the file out of `multipart/form-data` (field `file`), or takes a raw `image/*` body as the file. */
async function imageBytes(req: Request): Promise<Buffer> {
  const type = req.headers.get("content-type") ?? "";
  const body = await readCappedBody(req, MAX_IMAGE_BYTES + MULTIPART_OVERHEAD, TOO_LARGE);
  if (!type.startsWith("multipart/form-data")) return body;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError(400, "INVALID", "The upload is not valid multipart form data.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob))
    throw new ApiError(400, "INVALID", "Some fields are not valid.", { file: "Choose an image file." });
  return Buffer.from(await file.arrayBuffer());
}

/** SELLER/ADMIN: uploads a product photo → 201 `{ image: { url, width, height, bytes, type } }` (use `url` as imageUrl). */
export const POST = handle(async (req) => {
  await requireUser("SELLER", "ADMIN");
  const image = await saveProductImage(await imageBytes(req));
  return NextResponse.json({ image }, { status: 201 });
});
