import { existsSync } from "node:fs";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@/server/log";
import {
  fragmentTiming,
  parseFragment,
  parseInit,
  splitFragment,
  type TTrack,
} from "@/server/media/fmp4-fragment";
import { LiveEdge } from "@/server/media/live-edge";
import { PART_TARGET } from "@/server/media/ll-playlist";
import { PartBuilder, type TPart } from "@/server/media/part-builder";
import { LIVE_WINDOW_SEGMENTS, parsePlaylist, renderPlaylist, type TSegment } from "@/server/media/playlist";

export const LIVE_PLAYLIST = "index.m3u8";
export const RECORDING_PLAYLIST = "recording.m3u8";
/** Segments that left the live window stay this long before the disk cap may delete them (HLS §6.2.2). */
const KEEP_AFTER_WINDOW = 4;

/** What one ffmpeg generation's fragment was: for the session's keyframe watch. */
export type TFragmentInfo = { start: number; duration: number; keyframe: boolean; frames: number };

type TGeneration = {
  map: string;
  tracks: TTrack[] | null;
  started: boolean;
  base: number | null;
  parts: PartBuilder;
};
type TOpen = {
  seq: number;
  gen: number;
  map: string;
  programDateTime: number;
  discontinuity: boolean;
  discSeq: number;
  duration: number;
};

/**
 * The packaging step: ffmpeg's fragmented MP4 in, Low-Latency HLS out. Each fragment becomes one or more
 * parts (at most PART_TARGET), a keyframe starts a new segment. The live edge (parts, playlist, blocking
 * reloads) lives in memory in `edge`; whole segments, init segments and the playlists go to the show's
 * directory: `recording.m3u8` (EVENT, the replay) and `index.m3u8` (a plain live window for players that
 * reach the disk copy, the VOD once the show ends).
 */
export class HlsPackager {
  readonly edge = new LiveEdge();
  /** Called once per finished segment (the session marks the show LIVE at the first). */
  onSegment: ((s: TSegment) => void) | null = null;
  private segments: TSegment[] = [];
  private bytes = new Map<string, number>();
  private totalBytes = 0;
  private nextSeq = 0;
  private nextGen = 0;
  private gens = new Map<number, TGeneration>();
  private open: TOpen | null = null;
  private last: { gen: number; discSeq: number } | null = null;
  private fragSeq = 1;
  /** The generation whose fragments arrive now: a newer one takes over, the older one's last part is flushed. */
  private activeGen: number | null = null;
  private writing: Promise<void> = Promise.resolve();
  private capWarned = false;

  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private readonly log: Logger,
  ) {}

  /** Picks up a recording already on disk (the show was live before a restart of the media tier). */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, RECORDING_PLAYLIST);
    if (!existsSync(file)) return;
    const { segments } = parsePlaylist(await readFile(file, "utf8"));
    this.segments = segments;
    for (const s of segments) {
      const size = await stat(path.join(this.dir, s.uri)).then(
        (st) => st.size,
        () => 0,
      );
      this.bytes.set(s.uri, size);
      this.totalBytes += size;
      this.nextGen = Math.max(this.nextGen, genOf(s.uri) + 1);
    }
    const lastSeg = segments.at(-1);
    this.nextSeq = (lastSeg?.seq ?? -1) + 1;
    if (lastSeg) this.last = { gen: genOf(lastSeg.uri), discSeq: lastSeg.discSeq };
    this.edge.seed(segments);
  }

  get segmentCount(): number {
    return this.nextSeq;
  }

  /** A new ffmpeg generation. Its first segment follows an EXT-X-DISCONTINUITY. */
  startGeneration(): { gen: number } {
    const gen = this.nextGen++;
    this.gens.set(gen, {
      map: `g${gen}-init.mp4`,
      tracks: null,
      started: false,
      base: null,
      parts: new PartBuilder(),
    });
    return { gen };
  }

  /** The generation's init segment (ftyp + moov): kept in memory and written before any segment names it. */
  addInit(gen: number, bytes: Buffer): void {
    const g = this.gens.get(gen);
    if (!g) return;
    g.tracks = parseInit(bytes);
    this.edge.addInit(g.map, bytes);
    this.enqueue(() => atomicWrite(path.join(this.dir, g.map), bytes));
  }

  /** One moof + mdat from ffmpeg: its parts join the live edge, and the playlist is rendered once. */
  addFragment(gen: number, moof: Buffer, mdat: Buffer, now = Date.now()): TFragmentInfo | null {
    const g = this.gens.get(gen);
    if (!g?.tracks) return null;
    const fragment = parseFragment(moof, mdat, g.tracks);
    const info = fragmentTiming(fragment, g.tracks);
    // A generation must start on a keyframe (a spliced restart may begin mid-GOP): drop what comes before.
    if (!g.started && !info.keyframe) return info;
    g.started = true;
    // The fragment's last frame arrived now: that anchors the generation's media time to the wall clock.
    g.base ??= now - (info.start + info.duration) * 1000;
    if (this.activeGen !== gen) this.flushGeneration();
    this.activeGen = gen;
    // ffmpeg's fragments are one frame each; a longer one (another ffmpeg) is cut to fit in a part.
    const pieces = splitFragment(fragment, g.tracks, PART_TARGET, () => this.fragSeq++);
    let added = 0;
    for (const bytes of pieces) {
      const t = pieces.length === 1 ? info : pieceTiming(bytes, g.tracks);
      const piece = { bytes, start: t.start, duration: t.duration, keyframe: t.keyframe };
      for (const part of g.parts.push(piece)) added += this.addPart(gen, g, part);
    }
    if (added > 0) this.edge.publish(now);
    return info;
  }

  private addPart(gen: number, g: TGeneration, part: TPart): number {
    if (this.open && (part.keyframe || this.open.gen !== gen)) this.closeSegment();
    if (!this.open) this.openSegment(gen, g, part.start);
    // One frame longer than a part (the first frame after a stall: 0.82 s seen) cannot be cut: it is
    // announced as PART-TARGET long; its media timestamps still place it right in the player.
    this.edge.addPart(part.bytes, Math.min(part.duration, PART_TARGET), part.keyframe);
    this.open!.duration += part.duration;
    // The next keyframe is here: the segment is whole now, not when the next part is.
    if (part.last) this.closeSegment();
    return 1;
  }

  /** The active generation's unfinished part joins its segment (ffmpeg ended or was replaced). */
  private flushGeneration(): void {
    const gen = this.activeGen;
    const g = gen === null ? undefined : this.gens.get(gen);
    const part = g?.parts.take();
    if (gen !== null && g && part) {
      this.addPart(gen, g, { ...part, last: true });
      this.edge.publish();
    }
  }

  /** ffmpeg is gone for good: the open segment is closed (and written), the live edge releases its waiters. */
  stop(): void {
    this.flushGeneration();
    if (this.open) this.closeSegment();
    this.edge.end();
  }

  /** Writes the VOD playlist (`EXT-X-ENDLIST`) as both the recording and `index.m3u8`. */
  async finalize(): Promise<void> {
    this.stop();
    this.enqueue(() => this.writePlaylists(true));
    await this.writing;
  }

  /** Resolves once every queued write is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private openSegment(gen: number, g: TGeneration, start: number): void {
    const discontinuity = this.last !== null && this.last.gen !== gen;
    const discSeq = (this.last?.discSeq ?? 0) + (discontinuity ? 1 : 0);
    const programDateTime = Math.round((g.base ?? Date.now()) + start * 1000);
    this.open = {
      seq: this.nextSeq++,
      gen,
      map: g.map,
      programDateTime,
      discontinuity,
      discSeq,
      duration: 0,
    };
    this.last = { gen, discSeq };
    this.edge.startSegment({ seq: this.open.seq, discontinuity, discSeq, programDateTime, map: g.map });
  }

  private closeSegment(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    const uri = `g${o.gen}-${String(o.seq).padStart(5, "0")}.m4s`;
    const duration = Math.max(0.001, o.duration);
    const data = this.edge.closeSegment(uri, duration);
    const segment: TSegment = {
      seq: o.seq,
      uri,
      duration,
      discontinuity: o.discontinuity,
      discSeq: o.discSeq,
      programDateTime: o.programDateTime,
      map: o.map,
    };
    this.segments.push(segment);
    this.enqueue(async () => {
      await atomicWrite(path.join(this.dir, uri), data);
      this.bytes.set(uri, data.length);
      this.totalBytes += data.length;
      await this.enforceCap();
      await this.writePlaylists(false);
    });
    this.onSegment?.(segment);
  }

  private enqueue(task: () => Promise<void>): void {
    this.writing = this.writing
      .then(task)
      .catch((err: unknown) => this.log.error({ err }, "HLS write failed"));
  }

  private async writePlaylists(ended: boolean): Promise<void> {
    const kind = ended ? "vod" : "event";
    await atomicWrite(path.join(this.dir, RECORDING_PLAYLIST), renderPlaylist(this.segments, kind));
    const index = ended
      ? renderPlaylist(this.segments, "vod")
      : renderPlaylist(this.segments.slice(-LIVE_WINDOW_SEGMENTS), "live");
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
      this.log.warn(
        { maxBytes: this.maxBytes },
        "show reached its disk cap: deleting the oldest recorded segments",
      );
    }
  }
}

function genOf(uri: string): number {
  return Number(/^g(\d+)-/.exec(uri)?.[1] ?? -1);
}

function pieceTiming(bytes: Buffer, tracks: TTrack[]): TFragmentInfo {
  const moofSize = bytes.readUInt32BE(0);
  return fragmentTiming(parseFragment(bytes.subarray(0, moofSize), bytes.subarray(moofSize), tracks), tracks);
}

async function atomicWrite(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
