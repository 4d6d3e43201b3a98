import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "@/server/test/api-error";
import { saveProductImage } from "@/server/products/images/save-product-image";
import { readProductImage } from "@/server/products/images/read-product-image";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "onair-uploads-"));
  process.env.UPLOADS_DIR = dir;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

describe("product image upload", () => {
  it("resizes a large PNG, JPEG or WebP to a ≤1200 px WebP and serves it back", async () => {
    for (const input of [
      await photo(3000, 2000).png().toBuffer(),
      await photo(800, 1600).jpeg().toBuffer(),
      await photo(500, 300).webp().toBuffer(),
    ]) {
      const saved = await saveProductImage(input);
      expect(saved.url).toMatch(/^\/api\/uploads\/[a-f0-9]{32}\.webp$/);
      expect(Math.max(saved.width, saved.height)).toBeLessThanOrEqual(1200);
      const stored = await readProductImage(saved.url.split("/").pop()!);
      expect((await sharp(stored!).metadata()).format).toBe("webp");
    }
    const small = await saveProductImage(await photo(500, 300).webp().toBuffer());
    expect([small.width, small.height]).toEqual([500, 300]); // never enlarged
  });

  it("refuses other types by content, broken images, empty and oversized files", async () => {
    expect(await codeOf(saveProductImage(Buffer.from("GIF89a....")))).toBe("INVALID_IMAGE");
    expect(await codeOf(saveProductImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")))).toBe(
      "INVALID_IMAGE",
    );
    const jpeg = await photo(400, 400).jpeg().toBuffer();
    expect(await codeOf(saveProductImage(jpeg.subarray(0, 200)))).toBe("INVALID_IMAGE");
    expect(await codeOf(saveProductImage(Buffer.alloc(0)))).toBe("INVALID_IMAGE");
    const huge = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    expect(await codeOf(saveProductImage(huge))).toBe("TOO_LARGE");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reads only names it made", async () => {
    expect(await readProductImage("../../etc/passwd")).toBeNull();
    expect(await readProductImage(`${"a".repeat(32)}.webp`)).toBeNull();
  });
});
