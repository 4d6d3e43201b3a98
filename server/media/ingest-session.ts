import type { WebSocket } from "ws";
import {
  INGEST_CLOSE,
  type TClientMessage,
  type TIngestStats,
  type TQuality,
  type TServerMessage,
} from "@/lib/media/ingest-protocol";
import type { Logger } from "@/server/log";
import { DEFAULT_IDLE_MS, type TMediaConfig } from "@/server/media/config";
import { Mp4StreamReader } from "@/server/media/fmp4-boxes";
import { HlsPackager } from "@/server/media/hls-packager";
import { liveEdges } from "@/server/media/live-edges";
import { RateMeter } from "@/server/media/rate-meter";
import { liveIngests, liveShowCount, type TLiveControl } from "@/server/media/registry";
import { markLive } from "@/server/media/room-status";
import { transcodeArgs } from "@/server/media/transcode-args";
import { Transcoder } from "@/server/media/transcoder";
import {
  KeyframeWatch,
  videoPathFor,
  type TTranscodeReason,
  type TVideoPath,
} from "@/server/media/video-path";
import { videoViewers } from "@/server/media/viewer-count";
import { WebmSplicer } from "@/server/media/webm-splice";
import { countFfmpegRestart } from "@/server/metrics/registry";

const STATS_EVERY_MS = 2000;
/** More restarts than this in a minute means ffmpeg cannot make sense of the input: back off. */
const RESTARTS_PER_MINUTE = 5;
/** ffmpeg dying this many times in a row before its first segment: the input is not media it can decode. */
const FRUITLESS_STARTS = 3;
/** Every recording starts with the EBML magic (WebM and Matroska alike). */
const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

type TPublisher = { ws: WebSocket; userId: string };

/**
 * One show's live ingest: the publisher's socket, the ffmpeg supervising loop and the packager. The socket
 * may drop and come back (same epoch: resume at the next sequence number) while ffmpeg keeps running.
 */
export class IngestSession implements TLiveControl {
  private publisher: TPublisher | null = null;
  private epoch: string | null = null;
  private nextSeq = 0;
  private quality: TQuality = "720p";
  private path: TVideoPath = "copy";
  private transcodeReason: TTranscodeReason | null = null;
  private transcoder: { t: Transcoder; gen: number } | null = null;
  private readonly splicer = new WebmSplicer();
  private readonly meter = new RateMeter();
  private restartTimes: number[] = [];
  private restarts = 0;
  private restartPending = false;
  firstSegmentSeen = false;
  private finished = false;
  private graceTimer: NodeJS.Timeout | null = null;
  private statsTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastMediaAt = 0;
  private fed = false;
  /** The current recording's first bytes while fewer than four have arrived (see headLooksLikeWebm). */
  private recordingHead: Buffer | null = null;
  private fruitlessStarts = 0;

  private constructor(
    readonly roomId: string,
    private readonly cfg: TMediaConfig,
    private readonly packager: HlsPackager,
    private readonly log: Logger,
  ) {}

  static async open(roomId: string, cfg: TMediaConfig, dir: string, log: Logger): Promise<IngestSession> {
    const packager = new HlsPackager(dir, cfg.maxShowBytes, log);
    await packager.load();
    const session = new IngestSession(roomId, cfg, packager, log);
    packager.onSegment = (seg) => {
      if (session.firstSegmentSeen) return;
      session.firstSegmentSeen = true;
      void packager.flushed().then(() => session.goneLive(new Date(seg.programDateTime)));
    };
    liveIngests.set(roomId, session);
    liveEdges.set(roomId, packager.edge);
    return session;
  }

  get transcoding(): boolean {
    return this.path === "transcode";
  }

  get publishing(): boolean {
    return this.publisher !== null;
  }

  /** A hello alone holds no slot: only media (or an ffmpeg still running for a reconnect) does. */
  get holdsSlot(): boolean {
    return !this.finished && (this.fed || this.transcoder !== null);
  }

  /** The publisher holding the show, if its socket is still open. */
  get publisherUserId(): string | null {
    return this.publisher?.userId ?? null;
  }

  get currentEpoch(): string | null {
    return this.epoch;
  }

  get ffmpegPid(): number | undefined {
    return this.transcoder?.t.pid;
  }

  stats(): TIngestStats {
    return {
      receivedKbps: this.meter.kbps(),
      segments: this.packager.segmentCount,
      restarts: this.restarts,
      viewers: videoViewers(this.roomId),
      videoPath: this.path,
      transcodeReason: this.transcodeReason,
    };
  }

  /** Takes a (re)connected publisher. The same epoch resumes the running stream; a new one starts fresh. */
  attach(ws: WebSocket, userId: string, hello: Extract<TClientMessage, { type: "hello" }>): void {
    const previous = this.publisher;
    if (previous && previous.ws !== ws) {
      // Only a reconnect of the same recording may take over a socket the server still thinks is open.
      previous.ws.close(INGEST_CLOSE.TAKEN_OVER, "This broadcast continued on a new connection.");
    }
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.publisher = { ws, userId };
    this.quality = hello.quality;
    const resumeAt = hello.epoch === this.epoch ? this.nextSeq : 0;
    if (resumeAt === 0) {
      // A fresh recording: its codec decides the path again.
      const path = videoPathFor(hello.mimeType);
      if (path === "transcode" && !this.transcoding && transcodesElsewhere(this) >= this.cfg.maxTranscodes) {
        this.log.warn({ mimeType: hello.mimeType }, "ingest refused: no room for another re-encoded show");
        ws.close(
          INGEST_CLOSE.CAPACITY,
          "Server busy re-encoding other shows. Go live from Chrome or Edge (H.264), or try again later.",
        );
        return;
      }
      this.setPath(path, path === "transcode" ? "codec" : null);
      this.epoch = hello.epoch;
      this.nextSeq = 0;
    }
    this.log.info(
      { epoch: hello.epoch, resumeAt, mimeType: hello.mimeType, quality: hello.quality, path: this.path },
      resumeAt ? "publisher resumed" : "publisher attached",
    );
    this.send({ type: "ready", resumeAt, maxChunkBytes: this.cfg.maxChunkBytes, maxKbps: this.cfg.maxKbps });
    this.send({ type: "stats", stats: this.stats() }); // the studio shows the video path at once
    this.statsTimer ??= setInterval(() => this.send({ type: "stats", stats: this.stats() }), STATS_EVERY_MS);
    this.lastMediaAt = Date.now();
    this.watchIdle();
  }

  /**
   * A publisher that sends no media for `idleMs` (after hello, or mid-show) is closed and the session
   * released, so a seller holding silent sockets cannot keep other shows off the air (issue 11). The
   * recording stays on disk: a publisher that comes back continues it after a discontinuity.
   */
  private watchIdle(): void {
    const idleMs = this.cfg.idleMs ?? DEFAULT_IDLE_MS;
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = setInterval(
      () => {
        if (!this.publisher || Date.now() - this.lastMediaAt < idleMs) return;
        this.log.warn({ idleMs }, "no media from the publisher; closing the ingest and freeing its slot");
        this.closeAndRelease(
          INGEST_CLOSE.IDLE,
          `No video received for ${Math.round(idleMs / 1000)} s: the broadcast was stopped.`,
        );
      },
      Math.min(1000, idleMs / 4),
    );
  }

  /** Closes the publisher with a reason and releases the session at once (no reconnect grace). */
  private closeAndRelease(code: number, reason: string): void {
    const ws = this.publisher?.ws;
    this.publisher = null;
    ws?.close(code, reason);
    void this.dispose();
  }

  /** The publisher's socket closed: keep ffmpeg waiting for a reconnect during the grace period. */
  detach(ws: WebSocket): void {
    if (this.publisher?.ws !== ws) return;
    this.publisher = null;
    if (this.finished) return;
    if (!this.transcoder && !this.restartPending) {
      // Nothing running to keep warm (a hello and no media, or ffmpeg already gone): free the slot now.
      void this.dispose();
      return;
    }
    this.log.warn(
      { graceMs: this.cfg.reconnectGraceMs },
      "publisher disconnected; waiting for it to come back",
    );
    this.graceTimer = setTimeout(() => {
      this.log.warn("publisher did not come back; stopping ffmpeg (the show stays live until it is ended)");
      void this.dispose();
    }, this.cfg.reconnectGraceMs);
  }

  /** One binary frame from the publisher: 4-byte sequence number, then the recording's bytes. */
  onFrame(ws: WebSocket, frame: Buffer): void {
    if (this.publisher?.ws !== ws || this.finished) return;
    if (frame.length - 4 > this.cfg.maxChunkBytes) {
      // Refused without consuming its sequence number: the stream stays intact.
      this.log.warn({ bytes: frame.length }, "chunk over the size limit refused");
      this.send({
        type: "warning",
        code: "CHUNK_TOO_LARGE",
        message: `Chunks may be at most ${this.cfg.maxChunkBytes} bytes.`,
      });
      return;
    }
    if (frame.length < 4)
      return this.closeAndRelease(
        INGEST_CLOSE.BAD_MESSAGE,
        "Malformed media frame (shorter than its 4-byte sequence number).",
      );
    const seq = frame.readUInt32BE(0);
    const data = frame.subarray(4);
    if (seq === 0) this.recordingHead = Buffer.alloc(0);
    if (this.recordingHead && (seq === 0 || seq === this.nextSeq) && !this.headLooksLikeWebm(data)) {
      this.log.warn({ head: data.subarray(0, 8).toString("hex") }, "chunk 0 is not WebM/Matroska");
      return this.closeAndRelease(INGEST_CLOSE.BAD_MEDIA, "The stream is not a WebM/Matroska recording.");
    }
    if (!this.fed && liveShowCount(this.roomId) >= this.cfg.maxLiveShows) {
      this.log.warn({ live: liveShowCount(this.roomId) }, "media refused: node at capacity");
      return this.closeAndRelease(
        INGEST_CLOSE.CAPACITY,
        "The server is at its limit of live shows. Try again in a few minutes.",
      );
    }
    this.fed = true;
    this.lastMediaAt = Date.now();
    this.meter.add(frame.length);
    if (this.meter.kbps() > this.cfg.maxKbps) {
      this.log.warn({ kbps: this.meter.kbps() }, "publisher over the bitrate limit");
      ws.close(
        INGEST_CLOSE.TOO_FAST,
        `Uploading faster than ${this.cfg.maxKbps} kbit/s. Choose a lower quality.`,
      );
      return;
    }
    if (seq === 0) this.startRecording();
    else if (seq !== this.nextSeq) {
      this.send({
        type: "warning",
        code: "OUT_OF_ORDER",
        message: `Expected chunk ${this.nextSeq}, got ${seq}.`,
      });
      return;
    }
    this.nextSeq = seq + 1;
    if (seq % 40 === 0) this.log.debug({ seq, bytes: data.length, kbps: this.meter.kbps() }, "ingest chunk");
    if (!this.transcoder && !this.restartPending) this.spawnTranscoder(true);
    for (const part of this.splicer.push(data)) this.transcoder?.t.write(part);
  }

  /**
   * Whether a recording's first bytes are the EBML magic. Chromium hands MediaRecorder's output over as the
   * muxer writes it, so chunk 0 can be a single byte (0x1a): the check spans chunks until it has four.
   */
  private headLooksLikeWebm(data: Buffer): boolean {
    const head = Buffer.concat([this.recordingHead ?? Buffer.alloc(0), data.subarray(0, 4)]).subarray(0, 4);
    this.recordingHead = head.length < 4 ? head : null;
    return head.equals(EBML_MAGIC.subarray(0, head.length));
  }

  /** Chunk 0 is a new recording (new header): close the previous ffmpeg cleanly and start a generation. */
  private startRecording(): void {
    this.splicer.reset();
    const old = this.transcoder;
    this.transcoder = null;
    if (old) void old.t.finish();
    this.spawnTranscoder(false);
  }

  private spawnTranscoder(splice: boolean): void {
    const { gen } = this.packager.startGeneration();
    const reader = new Mp4StreamReader();
    const watch = new KeyframeWatch();
    const t: Transcoder = new Transcoder(
      this.cfg.ffmpegPath,
      transcodeArgs({ quality: this.quality, path: this.path }),
      this.log,
      (chunk) => {
        if (this.transcoder && this.transcoder.t !== t) return; // replaced: a newer generation is on air
        try {
          for (const event of reader.push(chunk)) {
            if (event.kind === "init") this.packager.addInit(gen, event.bytes);
            else {
              this.fruitlessStarts = 0;
              const info = this.packager.addFragment(gen, event.moof, event.mdat);
              if (info && this.path === "copy" && watch.observe(info)) return this.fallBackToTranscode();
            }
          }
        } catch (err) {
          this.log.error({ err, gen }, "ffmpeg output is not fragmented MP4 as expected; restarting it");
          t.kill();
        }
      },
    );
    this.transcoder = { t, gen };
    if (splice) this.splicer.spliceAtNextCluster();
    this.log.info({ gen, pid: t.pid, splice, path: this.path }, "ffmpeg started");
    void t.onExit().then(({ code, signal }) => this.onTranscoderExit(t, gen, code, signal));
  }

  private setPath(path: TVideoPath, reason: TTranscodeReason | null): void {
    this.path = path;
    this.transcodeReason = reason;
  }

  /** The browser's keyframes are too sparse for 1 s segments: re-encode from the next cluster on. */
  private fallBackToTranscode(): void {
    if (transcodesElsewhere(this) >= this.cfg.maxTranscodes) {
      if (this.transcodeReason !== "keyframes")
        this.log.warn("keyframes too sparse but no room to re-encode: segments stay long");
      this.transcodeReason = "keyframes"; // reported, though the path stays copy
      return;
    }
    this.log.warn("keyframes more than 2 s apart: switching to the x264 re-encode");
    this.setPath("transcode", "keyframes");
    const old = this.transcoder;
    this.transcoder = null;
    old?.t.kill();
    this.spawnTranscoder(true);
    this.send({ type: "stats", stats: this.stats() });
  }

  private onTranscoderExit(
    t: Transcoder,
    gen: number,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (this.transcoder?.t !== t) return; // retired on purpose (new recording or end of show)
    this.transcoder = null;
    if (this.finished) return;
    this.restarts++;
    countFfmpegRestart();
    this.log.error({ gen, code, signal, ffmpeg: t.lastError }, "ffmpeg died; restarting it");
    if (signal === null && ++this.fruitlessStarts >= FRUITLESS_STARTS) {
      // It exited by itself every time before writing one segment: the input is garbage, not a crash.
      this.log.warn({ starts: this.fruitlessStarts }, "ffmpeg cannot decode this stream; closing the ingest");
      return this.closeAndRelease(INGEST_CLOSE.BAD_MEDIA, "The stream could not be decoded.");
    }
    const now = Date.now();
    this.restartTimes = [...this.restartTimes.filter((x) => now - x < 60_000), now];
    if (!this.splicer.hasHeader) {
      // Nothing to splice from: ask the publisher for a fresh recording.
      this.send({
        type: "ready",
        resumeAt: 0,
        maxChunkBytes: this.cfg.maxChunkBytes,
        maxKbps: this.cfg.maxKbps,
      });
      return;
    }
    const delay = this.restartTimes.length > RESTARTS_PER_MINUTE ? 2000 : 0;
    this.restartPending = true;
    setTimeout(() => {
      this.restartPending = false;
      if (!this.finished && !this.transcoder) this.spawnTranscoder(true);
    }, delay);
  }

  /** The first whole segment exists: the show is LIVE. */
  private async goneLive(startedAt: Date): Promise<void> {
    try {
      await markLive(this.roomId, startedAt);
      this.send({
        type: "live",
        startedAt: startedAt.toISOString(),
        hlsUrl: `/hls/${this.roomId}/index.m3u8`,
      });
    } catch (err) {
      this.log.error({ err }, "could not mark the show live");
    }
  }

  private send(msg: TServerMessage): void {
    const ws = this.publisher?.ws;
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  }

  /** Ends the broadcast for good: flush ffmpeg, write the VOD playlist, release the room. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.send({ type: "ended" });
    this.publisher?.ws.close(1000, "The show has ended.");
    await this.dispose();
    await this.packager.finalize();
  }

  /** Stops ffmpeg (its last segment is kept) and forgets the session; the recording stays on disk. */
  private async dispose(): Promise<void> {
    this.finished = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    if (this.statsTimer) clearInterval(this.statsTimer);
    if (this.idleTimer) clearInterval(this.idleTimer);
    const t = this.transcoder;
    this.transcoder = null;
    if (liveIngests.get(this.roomId) === this) liveIngests.delete(this.roomId);
    if (t) await t.t.finish();
    // The last fragments are in: close the open segment and release blocked viewers.
    this.packager.stop();
    if (liveEdges.get(this.roomId) === this.packager.edge) liveEdges.delete(this.roomId);
    await this.packager.flushed();
  }
}

/** Re-encoded shows on this process other than `self`. */
function transcodesElsewhere(self: TLiveControl): number {
  let n = 0;
  // Only sessions holding a slot (media arrived): a hello alone must not block anyone.
  for (const s of liveIngests.values()) if (s !== self && s.transcoding && s.holdsSlot) n++;
  return n;
}
