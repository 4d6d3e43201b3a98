import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
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
    await encode(ffmpegPath, demoClipArgs(partial));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return file;
}

function encode(ffmpegPath: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const ff = spawn(ffmpegPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    ff.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-1000)));
    ff.on("error", reject);
    ff.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg made no demo clip (${code}): ${stderr.trim()}`)),
    );
  });
}
