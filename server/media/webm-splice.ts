/**
 * WebM splicing for ffmpeg restarts. A new ffmpeg cannot join a WebM byte stream in the middle (its
 * demuxer cannot resync on a pipe), so it is fed the recording's header (EBML + Segment + Tracks, every
 * byte before the first Cluster) and then the stream from the next Cluster on. MediaRecorder starts a
 * cluster at each keyframe, so the new ffmpeg decodes from the first frame it sees.
 */
const CLUSTER_ID = [0x1f, 0x43, 0xb6, 0x75];
const CLUSTER_TIMESTAMP_ID = 0xe7;
const MAX_HEADER_BYTES = 256 * 1024;

/** Length of an EBML variable-size integer from its first byte, or 0 when invalid. */
function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 0;
}

/** Index of a Cluster element start in `buf` at or after `from`, checked by its Timestamp child. */
export function findCluster(buf: Uint8Array, from = 0): number {
  for (let i = from; i + 4 <= buf.length; i++) {
    if (
      buf[i] !== CLUSTER_ID[0] ||
      buf[i + 1] !== CLUSTER_ID[1] ||
      buf[i + 2] !== CLUSTER_ID[2] ||
      buf[i + 3] !== CLUSTER_ID[3]
    )
      continue;
    const sizeByte = buf[i + 4];
    if (sizeByte === undefined) return i; // cannot check yet: accept, the demuxer copes at the very end
    const len = vintLength(sizeByte);
    if (len === 0) continue;
    const child = buf[i + 4 + len];
    if (child === undefined || child === CLUSTER_TIMESTAMP_ID) return i;
  }
  return -1;
}

/** Collects the header of one recording and cuts later input at cluster boundaries. */
export class WebmSplicer {
  private header: Uint8Array | null = null;
  private collecting: Uint8Array[] = [];
  private collected = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private waitingForCluster = false;

  /** Starts a new recording: its first bytes are the header. */
  reset(): void {
    this.header = null;
    this.collecting = [];
    this.collected = 0;
    this.carry = new Uint8Array(0);
    this.waitingForCluster = false;
  }

  get hasHeader(): boolean {
    return this.header !== null;
  }

  /** After an ffmpeg restart: the next bytes written are the header, then input from the next cluster. */
  spliceAtNextCluster(): void {
    this.waitingForCluster = true;
    this.carry = new Uint8Array(0);
  }

  /** Returns the bytes to write to the current ffmpeg for this chunk of input (possibly none). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (!this.header) this.collectHeader(chunk);
    if (!this.waitingForCluster) return [chunk];
    // Keep 3 bytes so a cluster id split across two chunks is still found.
    const joined = concat([this.carry, chunk]);
    const at = findCluster(joined);
    if (at < 0 || !this.header) {
      this.carry = joined.slice(Math.max(0, joined.length - 8));
      return [];
    }
    this.waitingForCluster = false;
    this.carry = new Uint8Array(0);
    return [this.header, joined.subarray(at)];
  }

  private collectHeader(chunk: Uint8Array): void {
    this.collecting.push(chunk);
    this.collected += chunk.length;
    const all = concat(this.collecting);
    const at = findCluster(all);
    if (at >= 0) {
      this.header = all.slice(0, at);
      this.collecting = [];
    } else if (this.collected > MAX_HEADER_BYTES) {
      this.collecting = []; // not WebM as we know it: restarts will rely on a fresh recording instead
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
