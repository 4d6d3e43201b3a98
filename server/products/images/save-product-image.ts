import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/commerce/limits";
import { commerceEnv } from "@/server/commerce/config";
import { sniffImageType } from "@/server/products/images/sniff-image-type";

const log = createLogger("commerce:images");

/** The web image: at most 1200 px on its long side, WebP, metadata (GPS and all) stripped. */
const WEB_MAX_PX = 1200;
/** A decompression bomb (a tiny file claiming 100k × 100k pixels) is refused before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

export type TUploadedImage = {
  url: string;
  width: number;
  height: number;
  bytes: number;
  type: "image/webp";
};

const invalid = (message: string) => new ApiError(400, "INVALID_IMAGE", message);

/** Checks an uploaded product photo (type by content, ≤ 5 MB), writes its resized web version, returns its URL. */
export async function saveProductImage(bytes: Buffer): Promise<TUploadedImage> {
  if (bytes.length === 0) throw invalid("Choose an image file.");
  if (bytes.length > MAX_IMAGE_BYTES) throw new ApiError(413, "TOO_LARGE", "Images can be at most 5 MB.");
  const type = sniffImageType(bytes);
  if (!type || !(IMAGE_TYPES as readonly string[]).includes(type))
    throw invalid("Use a JPEG, PNG or WebP image.");

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate() // honour the camera's EXIF orientation before the metadata is dropped
      .resize({ width: WEB_MAX_PX, height: WEB_MAX_PX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    log.info({ err: (err as Error).message, type }, "image refused");
    throw invalid("This image could not be read. Try another file.");
  }

  const dir = path.resolve(commerceEnv().UPLOADS_DIR);
  await mkdir(dir, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.webp`;
  // Write then rename, so a reader never sees half a file.
  const tmp = path.join(dir, `.${name}.tmp`);
  await writeFile(tmp, output.data);
  await rename(tmp, path.join(dir, name));
  log.info({ name, bytesIn: bytes.length, bytesOut: output.info.size }, "product image saved");
  return {
    url: `/api/uploads/${name}`,
    width: output.info.width,
    height: output.info.height,
    bytes: output.info.size,
    type: "image/webp",
  };
}
