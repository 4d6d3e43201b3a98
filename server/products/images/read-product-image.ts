import { readFile } from "node:fs/promises";
import path from "node:path";
import { commerceEnv } from "@/server/commerce/config";

/** Only names saveProductImage() makes: nothing else in (or outside) the uploads folder can be read. */
export const UPLOAD_NAME = /^[a-f0-9]{32}\.webp$/;

/** The stored image's bytes, or null when there is no such upload. */
export async function readProductImage(name: string): Promise<Buffer | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  try {
    return await readFile(path.join(path.resolve(commerceEnv().UPLOADS_DIR), name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
