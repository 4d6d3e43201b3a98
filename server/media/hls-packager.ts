import { existsSync } from "node:fs";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@/server/log";
import { LIVE_WINDOW_SEGMENTS, parsePlaylist, renderPlaylist, type TSegment } from "@/server/media/playlist";
import type { TSegmentDone } from "@/server/media/transcoder";

export const LIVE_PLAYLIST = "index.m3u8";
export const RECORDING_PLAYLIST = "recording.m3u8";
/** Segments that left the live window stay this long before the disk cap may delete them (HLS §6.2.2). */
const KEEP_AFTER_WINDOW = 4;

/**
 * The packaging step, kept in one module so it can be replaced (Low-Latency HLS with partial segments
 * next). It owns the show's directory: `index.m3u8` is the live window while LIVE and becomes the full
 * recording (VOD, `EXT-X-ENDLIST`) when the show ends; `recording.m3u8` is the growing EVENT playlist.
 */
export class HlsPackager {
  private segments: TSegment[] = [];
  private bytes = new Map<string, number>();
  private totalBytes = 0;
  private nextSeq = 0;
  private nextGen = 0;
  private genBase = new Map<number, number>();
  private writing: Promise<void> = Promise.resolve();
  private capWarned = false;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private readonly log: Logger,
  ) {}

  /** Picks up a recording already on disk (the show was live before a restart of the web tier). */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, RECORDING_PLAYLIST);
    if (!existsSync(file)) return;
    const { segments } = parsePlaylist(await readFile(file, "utf8"));
    this.segments = segments;
    for (const s of segments) {
      const size = await stat(path.join(this.dir, s.uri)).then((st) => st.size, () => 0);
      this.bytes.set(s.uri, size);
      this.totalBytes += size;
      const gen = Number(/^g(\d+)-/.exec(s.uri)?.[1] ?? -1);
      this.nextGen = Math.max(this.nextGen, gen + 1);
    }
    this.nextSeq = (segments.at(-1)?.seq ?? -1) + 1;
  }

  get segmentCount(): number {
    return this.nextSeq;
  }

  /** A new ffmpeg generation: its segment file pattern. The first segment it makes is a discontinuity. */
  startGeneration(): { gen: number; segmentPattern: string } {
    const gen = this.nextGen++;
    return { gen, segmentPattern: path.join(this.dir, `g${gen}-%05d.ts`) };
  }

  /** Adds a finished segment and rewrites both playlists; returns its program date time. */
  addSegment(gen: number, done: TSegmentDone, now = Date.now()): number {
    const uri = path.basename(done.file);
    // The segment is reported when its last byte arrived: that anchors the generation to the wall clock.
    let base = this.genBase.get(gen);
    if (base === undefined) {
      base = now - done.end * 1000;
      this.genBase.set(gen, base);
    }
    const programDateTime = Math.round(base + done.start * 1000);
    const last = this.segments.at(-1);
    const discontinuity = last !== undefined && !last.uri.startsWith(`g${gen}-`);
    const discSeq = (last?.discSeq ?? 0) + (discontinuity ? 1 : 0);
    const duration = Math.max(0.001, done.end - done.start);
    this.segments.push({ seq: this.nextSeq++, uri, duration, discontinuity, discSeq, programDateTime });
    this.enqueue(async () => {
      const size = await stat(done.file).then((s) => s.size, () => 0);
      this.bytes.set(uri, size);
      this.totalBytes += size;
      await this.enforceCap();
      await this.writePlaylists(false);
    });
    return programDateTime;
  }

  /** Writes the final VOD playlist (`EXT-X-ENDLIST`) as both the recording and `index.m3u8`. */
  async finalize(): Promise<void> {
    this.enqueue(() => this.writePlaylists(true));
    await this.writing;
  }

  /** Resolves once every queued playlist write is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private enqueue(task: () => Promise<void>): void {
    this.writing = this.writing.then(task).catch((err: unknown) => this.log.error({ err }, "HLS playlist write failed"));
  }

  private async writePlaylists(ended: boolean): Promise<void> {
    const kind = ended ? "vod" : "event";
    await atomicWrite(path.join(this.dir, RECORDING_PLAYLIST), renderPlaylist(this.segments, kind));
    const index = ended ? renderPlaylist(this.segments, "vod") : renderPlaylist(this.segments.slice(-LIVE_WINDOW_SEGMENTS), "live");
    await atomicWrite(path.join(this.dir, LIVE_PLAYLIST), index);
  }

  /** Over the per-show disk cap, the oldest recorded segments go (the replay then starts later). */
  private async enforceCap(): Promise<void> {
    const deletable = this.segments.length - LIVE_WINDOW_SEGMENTS - KEEP_AFTER_WINDOW;
    let removed = 0;
    while (this.totalBytes > this.maxBytes && removed < deletable) {
      const old = this.segments.shift();
      if (!old) break;
      removed++;
      this.totalBytes -= this.bytes.get(old.uri) ?? 0;
      this.bytes.delete(old.uri);
      await unlink(path.join(this.dir, old.uri)).catch(() => undefined);
    }
    if (removed > 0 && !this.capWarned) {
      this.capWarned = true;
      this.log.warn({ maxBytes: this.maxBytes }, "show reached its disk cap: deleting the oldest recorded segments");
    }
  }
}

async function atomicWrite(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
