import { ApiError } from "@/server/http/errors";

/** Reads a request body, refusing (413) as soon as it passes `max` bytes instead of buffering it all. */
export async function readCappedBody(req: Request, max: number, message: string): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > max) throw new ApiError(413, "TOO_LARGE", message);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new ApiError(413, "TOO_LARGE", message);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
