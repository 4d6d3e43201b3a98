import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { demoClipArgs } from "@/server/media/demo-source/demo-args";

/**
 * The demo show's clip in `dir`, encoded on first use (about a second of CPU) and kept: its name carries a
 * hash of the encoder's arguments, so a change to them makes a new clip rather than reusing a stale one.
 * Written under a temporary name and renamed, so a crash never leaves half a clip to loop.
 */
export async function prepareDemoClip(ffmpegPath: string, dir: string): Promise<string> {
  const version = createHash("sha256").update(demoClipArgs("").join(" ")).digest("hex").slice(0, 12);
  const file = path.join(dir, `demo-clip-${version}.mkv`);
  if (existsSync(file)) return file;
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    // execFile's error carries ffmpeg's stderr.
    await promisify(execFile)(ffmpegPath, demoClipArgs(partial));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return file;
}
