import {
  BLOCK_TIMEOUT_MS,
  reached,
  tooFarAhead,
  WaiterList,
  type TBlockingQuery,
  type TEdge,
} from "@/server/media/blocking-reload";
import {
  PART_SEGMENTS,
  renderLowLatencyPlaylist,
  type TLiveSegment,
  type TOpenSegment,
} from "@/server/media/ll-playlist";
import { LIVE_WINDOW_SEGMENTS, type TSegment } from "@/server/media/playlist";

/** The rendered live playlist and when it was rendered (the moment its newest part was published). */
export type TLivePlaylist = { text: string; at: number };

/**
 * A live show's edge in memory: the parts of the last segments, recent whole segments and init segments
 * (so a viewer never waits on the disk), the live playlist rendered once per new part, and the requests
 * blocked until a part appears. The packager feeds it; the HLS handler reads it.
 */
export class LiveEdge {
  /** Part names are unique per packager instance, so a restarted node never serves a cached old part. */
  private readonly prefix = `p${Date.now().toString(36)}`;
  private partNo = 0;
  private open: TOpenSegment | null = null;
  private openBytes: Buffer[] = [];
  private complete: TLiveSegment[] = [];
  private readonly files = new Map<string, Buffer>();
  private readonly partUris = new Map<number, string[]>();
  private current: TLivePlaylist | null = null;
  private target = 1;
  private ended = false;
  private latestInit: string | undefined;
  private readonly reloads = new WaiterList<TLivePlaylist>();
  private readonly partWaiters = new WaiterList<true>();

  /** URI of the next part: the preload hint. */
  get hint(): string {
    return `${this.prefix}-${this.partNo}.m4s`;
  }

  get openSegment(): TOpenSegment | null {
    return this.open;
  }

  /** Blocked requests right now (for stats and tests). */
  get waiting(): number {
    return this.reloads.size + this.partWaiters.size;
  }

  /** Segments already on disk when the packager resumed a show: listed whole, served from disk. */
  seed(segments: TSegment[]): void {
    this.complete = segments.slice(-LIVE_WINDOW_SEGMENTS).map((s) => ({ ...s, parts: [] }));
    this.target = Math.max(1, ...this.complete.map((s) => Math.round(s.duration)));
    for (const s of this.complete) this.partUris.set(s.seq, []);
  }

  addInit(uri: string, bytes: Buffer): void {
    this.files.set(uri, bytes);
    this.latestInit = uri; // not referenced by a segment yet: must survive pruning
  }

  startSegment(s: Omit<TOpenSegment, "parts">): void {
    this.open = { ...s, parts: [] };
    this.openBytes = [];
  }

  addPart(bytes: Buffer, duration: number, independent: boolean): void {
    if (!this.open) throw new Error("part without an open segment");
    const uri = this.hint;
    this.partNo++;
    this.open.parts.push({ uri, duration, independent });
    this.openBytes.push(bytes);
    this.files.set(uri, bytes);
  }

  /** Closes the open segment; returns its bytes (its parts end to end) for the disk. */
  closeSegment(uri: string, duration: number): Buffer {
    const open = this.open;
    if (!open) throw new Error("no open segment");
    const bytes = Buffer.concat(this.openBytes);
    this.complete.push({ ...open, uri, duration });
    this.partUris.set(
      open.seq,
      open.parts.map((p) => p.uri),
    );
    this.files.set(uri, bytes);
    this.open = null;
    this.openBytes = [];
    this.prune();
    // From the window, not the whole show: a first segment stretched by a start-up stall (1.8 s seen)
    // must not raise it for good; players re-read it with every reload.
    this.target = Math.max(1, ...this.complete.map((s) => Math.round(s.duration)));
    return bytes;
  }

  /** Renders the playlist for what arrived and wakes the requests it satisfies. */
  publish(now = Date.now()): void {
    // hls.js fails (levelEmptyError) on a live playlist without a whole segment: none is served before.
    if (this.complete.length === 0 || this.ended) return;
    this.current = {
      text: renderLowLatencyPlaylist({
        segments: this.complete,
        open: this.open,
        hint: this.hint,
        targetDuration: this.target,
      }),
      at: now,
    };
    this.reloads.wake(this.current);
    this.partWaiters.wake(true);
  }

  /**
   * The playlist for a request: at once for a plain reload, else once the asked part exists (or the
   * current one after BLOCK_TIMEOUT_MS); "too-far" for a part too far ahead (400); null before any segment.
   */
  async playlist(q: TBlockingQuery): Promise<TLivePlaylist | "too-far" | null> {
    if (!q) return this.current ?? (await this.reloads.wait(() => this.current !== null, BLOCK_TIMEOUT_MS));
    const edge = this.edge();
    if (tooFarAhead(edge, q.msn)) return "too-far";
    if (this.current && reached(edge, q.msn, q.part)) return this.current;
    if (this.ended) return this.current;
    const woken = await this.reloads.wait(
      () => this.current !== null && reached(this.edge(), q.msn, q.part),
      BLOCK_TIMEOUT_MS,
    );
    return woken ?? this.current;
  }

  /** A part, recent segment or init from memory; the hinted next part waits until it exists. */
  async file(name: string): Promise<Buffer | undefined> {
    const have = this.files.get(name);
    if (have || name !== this.hint || this.ended) return have;
    await this.partWaiters.wait(() => this.files.has(name), BLOCK_TIMEOUT_MS);
    return this.files.get(name);
  }

  /** The show ended: release every blocked request. */
  end(): void {
    this.ended = true;
    this.reloads.wakeAll(this.current);
    this.partWaiters.wakeAll(null);
  }

  private edge(): TEdge {
    const last = this.complete.at(-1);
    return {
      lastComplete: last?.seq ?? -1,
      partsOf: (seq) => {
        const s = this.complete.find((c) => c.seq === seq);
        return s && s.parts.length > 0 ? s.parts.length : undefined;
      },
      openSeq: this.open?.seq ?? null,
      openParts: this.open?.parts.length ?? 0,
    };
  }

  /**
   * Parts are listed for the last PART_SEGMENTS segments (the open one included); their bytes stay one
   * segment longer, so a player that read the previous playlist can still fetch them.
   */
  private prune(): void {
    while (this.complete.length > LIVE_WINDOW_SEGMENTS) this.files.delete(this.complete.shift()!.uri);
    const n = this.complete.length;
    this.complete.forEach((s, i) => {
      if (n - i > PART_SEGMENTS - 1) s.parts = [];
    });
    const keepFrom = this.complete[n - PART_SEGMENTS]?.seq ?? -1;
    for (const [seq, uris] of this.partUris) {
      if (seq >= keepFrom) continue;
      for (const uri of uris) this.files.delete(uri);
      this.partUris.delete(seq);
    }
    const maps = new Set([...this.complete.map((s) => s.map), this.open?.map, this.latestInit]);
    for (const uri of this.files.keys()) if (uri.endsWith(".mp4") && !maps.has(uri)) this.files.delete(uri);
  }
}
