/**
 * Reads ffmpeg's fragmented MP4 (`-movflags empty_moov+default_base_moof+frag_keyframe`) from a pipe, one
 * top-level box at a time: `ftyp`+`moov` is the init segment, each `moof`+`mdat` pair one fragment. Only
 * top-level boxes are framed here; fmp4-fragment.ts looks inside them.
 */
export type TBox = { type: string; start: number; size: number };

export type TMp4Event = { kind: "init"; bytes: Buffer } | { kind: "fragment"; moof: Buffer; mdat: Buffer };

/** A box larger than this is not what ffmpeg writes for a 1 s GOP (about 0.3 MB at 2.5 Mb/s): stop. */
const MAX_BOX_BYTES = 64 * 1024 * 1024;

/** The boxes laid out in `buf[from, to)`: type, offset and whole size (header included). */
export function listBoxes(buf: Uint8Array, from = 0, to = buf.length): TBox[] {
  const boxes: TBox[] = [];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(buf[at + 4]!, buf[at + 5]!, buf[at + 6]!, buf[at + 7]!);
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) size = to - at;
    if (size < 8 || at + size > to) break;
    boxes.push({ type, start: at, size });
    at += size;
  }
  return boxes;
}

/** Splits a byte stream into init and fragment events, whatever the chunking of the pipe. */
export class Mp4StreamReader {
  private pending: Buffer = Buffer.alloc(0);
  private ftyp: Buffer | null = null;
  private moof: Buffer | null = null;

  /** Feeds bytes; returns the events completed by them, in order. Throws on a stream that is not fMP4. */
  push(chunk: Buffer): TMp4Event[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const events: TMp4Event[] = [];
    let at = 0;
    for (;;) {
      const box = this.nextBox(at);
      if (!box) break;
      const bytes = this.pending.subarray(at, at + box.size);
      at += box.size;
      const event = this.onBox(box.type, bytes);
      if (event) events.push(event);
    }
    // Copy the tail so the big chunk it came from can be freed.
    this.pending = at === 0 ? this.pending : Buffer.from(this.pending.subarray(at));
    return events;
  }

  private nextBox(at: number): { type: string; size: number } | null {
    const buf = this.pending;
    if (at + 8 > buf.length) return null;
    let size = buf.readUInt32BE(at);
    if (size === 1) {
      if (at + 16 > buf.length) return null;
      size = Number(buf.readBigUInt64BE(at + 8));
    }
    // Size 0 means "to the end of the file": ffmpeg writes one as it closes; nothing on a pipe follows.
    if (size === 0) {
      this.pending = Buffer.alloc(0);
      return null;
    }
    if (size < 8 || size > MAX_BOX_BYTES) throw new Error(`not a fragmented MP4 stream (box size ${size})`);
    if (at + size > buf.length) return null;
    return { type: buf.toString("latin1", at + 4, at + 8), size };
  }

  private onBox(type: string, bytes: Buffer): TMp4Event | null {
    switch (type) {
      case "ftyp":
        this.ftyp = Buffer.from(bytes);
        return null;
      case "moov":
        return { kind: "init", bytes: Buffer.concat([this.ftyp ?? Buffer.alloc(0), bytes]) };
      case "moof":
        this.moof = Buffer.from(bytes);
        return null;
      case "mdat": {
        const moof = this.moof;
        this.moof = null;
        return moof ? { kind: "fragment", moof, mdat: Buffer.from(bytes) } : null;
      }
      default:
        return null; // styp, sidx, free, mfra: nothing a live playlist needs
    }
  }
}
