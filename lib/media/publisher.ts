import {
  encodeChunk,
  QUALITY_PRESETS,
  type TIngestStats,
  type TQuality,
  type TServerMessage,
} from "@/lib/media/ingest-protocol";
import { pickRecorderFormat } from "@/lib/media/recorder-format";

export type TPublisherState = "connecting" | "live" | "reconnecting" | "ended" | "failed";
export type TUploadHealth = {
  sentKbps: number;
  /** Chunks recorded but not yet handed to the network, plus bytes the socket still buffers. */
  queuedChunks: number;
  bufferedBytes: number;
  /** The uplink cannot keep up with the chosen quality. */
  struggling: boolean;
};
export type TPublisherEvents = {
  onState(state: TPublisherState, detail?: { code?: number; reason?: string }): void;
  onLive(startedAt: string): void;
  onHealth(health: TUploadHealth): void;
  onServerStats(stats: TIngestStats): void;
};

/** A chunk every 100 ms instead of 250 ms took ~0.15 s off glass-to-glass (docs/MEDIA.md). */
const TIMESLICE_MS = 100;
/** Chunks kept after sending, so a reconnect can resume without a gap (about 20 s at 720p). */
const RING_BYTES = 8 * 1024 * 1024;
const RECONNECT_DELAYS_MS = [300, 600, 1000, 2000, 3000];
/** Close codes that mean "do not retry": the reason is shown to the seller. */
const FATAL_CLOSE = new Set([4400, 4401, 4403, 4404, 4408, 4409, 4410, 4413, 4503, 1000]);

type TChunk = { seq: number; data: Uint8Array };

function randomEpoch(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Publishes a MediaStream to `/ingest/<roomId>`: MediaRecorder chunks over a WebSocket. Survives network
 * drops: the recorder keeps running, chunks wait in a bounded ring, and the reconnect resumes at the
 * sequence number the server asks for (or restarts the recording when that chunk is gone).
 */
export class Publisher {
  private ws: WebSocket | null = null;
  private recorder: MediaRecorder | null = null;
  private readonly epoch = randomEpoch();
  private seq = 0;
  private ring: TChunk[] = [];
  private ringBytes = 0;
  private unsent: TChunk[] = [];
  private maxChunkBytes = 256 * 1024;
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private sentBytes = 0;
  private lastSample = { at: 0, sent: 0 };
  private healthTimer: number | null = null;
  private blobChain: Promise<void> = Promise.resolve();
  readonly mimeType: string;

  constructor(
    private readonly roomId: string,
    private readonly stream: MediaStream,
    private readonly quality: TQuality,
    private readonly events: TPublisherEvents,
  ) {
    const format = pickRecorderFormat();
    if (!format) throw new Error("This browser cannot record video (no WebM MediaRecorder).");
    this.mimeType = format;
  }

  start(): void {
    this.connect();
    this.healthTimer = window.setInterval(() => this.reportHealth(), 1000);
  }

  /** Stops recording and closes the socket; the show itself is ended over REST. */
  stop(): void {
    this.stopped = true;
    if (this.healthTimer !== null) window.clearInterval(this.healthTimer);
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    this.ws?.close(1000, "publisher stopped");
  }

  private connect(): void {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}/ingest/${encodeURIComponent(this.roomId)}`);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    this.ready = false;
    ws.onopen = () =>
      ws.send(
        JSON.stringify({ type: "hello", epoch: this.epoch, mimeType: this.mimeType, quality: this.quality }),
      );
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data === "string") this.onServerMessage(JSON.parse(e.data) as TServerMessage);
    };
    ws.onclose = (e) => this.onClose(ws, e.code, e.reason);
  }

  private onServerMessage(msg: TServerMessage): void {
    switch (msg.type) {
      case "ready":
        this.attempt = 0;
        this.maxChunkBytes = msg.maxChunkBytes;
        this.resumeAt(msg.resumeAt);
        this.events.onState(this.recorder ? "live" : "connecting");
        return;
      case "live":
        this.events.onState("live");
        this.events.onLive(msg.startedAt);
        return;
      case "stats":
        this.events.onServerStats(msg.stats);
        return;
      case "warning":
        console.warn(`ingest: ${msg.code}: ${msg.message}`);
        return;
      case "ended":
        this.events.onState("ended");
        this.stop();
        return;
    }
  }

  /** The server expects chunk `resumeAt` next: send it from the ring, or start a fresh recording. */
  private resumeAt(resumeAt: number): void {
    const oldest = this.ring[0]?.seq ?? this.seq;
    if (resumeAt === 0 || !this.recorder || resumeAt < oldest || resumeAt > this.seq) {
      this.restartRecorder();
    } else {
      this.unsent = this.ring.filter((c) => c.seq >= resumeAt);
    }
    this.ready = true;
    this.flush();
  }

  private restartRecorder(): void {
    if (this.recorder && this.recorder.state !== "inactive") {
      this.recorder.ondataavailable = null;
      this.recorder.stop();
    }
    this.seq = 0;
    this.ring = [];
    this.ringBytes = 0;
    this.unsent = [];
    const kbps = QUALITY_PRESETS[this.quality].videoKbps;
    // Keyframes every second: the server copies the H.264 as it is into 1 s segments (no re-encode) and
    // can restart ffmpeg at any cluster (Chrome 118+ honours it; sparser keyframes make it re-encode).
    const options = {
      mimeType: this.mimeType,
      videoBitsPerSecond: kbps * 1000,
      audioBitsPerSecond: 128_000,
      videoKeyFrameIntervalDuration: 1000,
    };
    const recorder = new MediaRecorder(this.stream, options);
    recorder.ondataavailable = (e: BlobEvent) => {
      if (e.data.size === 0) return;
      // Blobs resolve asynchronously: chain them so chunk order is the recording order. A blob of a
      // recorder replaced meanwhile is dropped: its bytes would be numbered as the new recording's.
      this.blobChain = this.blobChain.then(async () => {
        const data = new Uint8Array(await e.data.arrayBuffer());
        if (this.recorder === recorder) this.enqueue(data);
      });
    };
    recorder.start(TIMESLICE_MS);
    this.recorder = recorder;
  }

  private enqueue(data: Uint8Array): void {
    if (this.stopped) return;
    for (let off = 0; off < data.length; off += this.maxChunkBytes) {
      const chunk = { seq: this.seq++, data: data.subarray(off, off + this.maxChunkBytes) };
      this.ring.push(chunk);
      this.ringBytes += chunk.data.length;
      this.unsent.push(chunk);
    }
    while (this.ringBytes > RING_BYTES && this.ring.length > 1)
      this.ringBytes -= this.ring.shift()?.data.length ?? 0;
    this.flush();
  }

  private flush(): void {
    const ws = this.ws;
    if (!this.ready || !ws || ws.readyState !== WebSocket.OPEN) {
      // Offline: keep at most what the ring holds.
      if (this.unsent.length > this.ring.length) this.unsent = this.unsent.slice(-this.ring.length);
      return;
    }
    for (const chunk of this.unsent) {
      ws.send(encodeChunk(chunk.seq, chunk.data));
      this.sentBytes += chunk.data.length + 4;
    }
    this.unsent = [];
  }

  private onClose(ws: WebSocket, code: number, reason: string): void {
    if (this.ws !== ws) return;
    this.ready = false;
    if (this.stopped) return;
    if (FATAL_CLOSE.has(code)) {
      this.stop();
      this.events.onState(code === 1000 ? "ended" : "failed", { code, reason });
      return;
    }
    this.events.onState("reconnecting", { code, reason });
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt++, RECONNECT_DELAYS_MS.length - 1)] ?? 3000;
    window.setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay);
  }

  private reportHealth(): void {
    const now = performance.now();
    const buffered = this.ws?.bufferedAmount ?? 0;
    const handed = this.sentBytes - buffered;
    const seconds = (now - this.lastSample.at) / 1000;
    const sentKbps = this.lastSample.at
      ? Math.max(0, Math.round(((handed - this.lastSample.sent) * 8) / 1000 / seconds))
      : 0;
    this.lastSample = { at: now, sent: handed };
    const targetBytesPerSecond = (QUALITY_PRESETS[this.quality].videoKbps + 128) * 125;
    this.events.onHealth({
      sentKbps,
      queuedChunks: this.unsent.length,
      bufferedBytes: buffered,
      // More than two seconds of media waiting means the uplink is slower than the encoder.
      struggling: buffered > targetBytesPerSecond * 2 || this.unsent.length > 8,
    });
  }
}
