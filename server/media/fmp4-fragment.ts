import { listBoxes, type TBox } from "@/server/media/fmp4-boxes";

/**
 * Inside fragmented MP4 (ISO/IEC 14496-12): the tracks of an init segment and the samples of a fragment,
 * enough to time parts, find keyframes and cut a fragment that is longer than a part may be.
 */
export type TTrack = {
  id: number;
  kind: "video" | "audio" | "other";
  timescale: number;
  defaults: { duration: number; size: number; flags: number };
};

export type TSample = { duration: number; size: number; flags: number; cto: number; offset: number };
export type TTrackRun = { trackId: number; baseTime: number; samples: TSample[] };

/** A fragment as parsed: the runs of each track, and the original bytes. */
export type TFragment = { runs: TTrackRun[]; moof: Buffer; mdat: Buffer };

/** ISO BMFF sample flags: `sample_is_non_sync_sample`. */
const NON_SYNC = 0x10000;
const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl", "mvex", "moof", "traf"]);

function children(buf: Buffer, box: TBox, skip = 8): TBox[] {
  return listBoxes(buf, box.start + skip, box.start + box.size);
}

/** Every box under `box` (depth first) with the given type. */
function findAll(buf: Buffer, box: TBox, type: string): TBox[] {
  const out: TBox[] = [];
  for (const c of children(buf, box)) {
    if (c.type === type) out.push(c);
    if (CONTAINERS.has(c.type)) out.push(...findAll(buf, c, type));
  }
  return out;
}

function first(buf: Buffer, box: TBox, type: string): TBox | undefined {
  return findAll(buf, box, type)[0];
}

/** The tracks of an init segment (ftyp + moov) with their timescales and `trex` defaults. */
export function parseInit(init: Buffer): TTrack[] {
  const moov = listBoxes(init).find((b) => b.type === "moov");
  if (!moov) throw new Error("init segment without moov");
  const trex = new Map<number, TTrack["defaults"]>();
  for (const t of findAll(init, moov, "trex")) {
    const p = t.start + 12;
    trex.set(init.readUInt32BE(p), {
      duration: init.readUInt32BE(p + 8),
      size: init.readUInt32BE(p + 12),
      flags: init.readUInt32BE(p + 16),
    });
  }
  return findAll(init, moov, "trak").map((trak) => {
    const tkhd = first(init, trak, "tkhd");
    const mdhd = first(init, trak, "mdhd");
    const hdlr = first(init, trak, "hdlr");
    if (!tkhd || !mdhd || !hdlr) throw new Error("trak without tkhd, mdhd or hdlr");
    const id = init.readUInt32BE(tkhd.start + (init[tkhd.start + 8] === 1 ? 28 : 20));
    const timescale = init.readUInt32BE(mdhd.start + (init[mdhd.start + 8] === 1 ? 28 : 20));
    const handler = init.toString("latin1", hdlr.start + 16, hdlr.start + 20);
    const kind = handler === "vide" ? "video" : handler === "soun" ? "audio" : "other";
    return { id, kind, timescale, defaults: trex.get(id) ?? { duration: 0, size: 0, flags: 0 } };
  });
}

/** The samples of each track in a moof + mdat pair; offsets are into `mdat`'s payload. */
export function parseFragment(moof: Buffer, mdat: Buffer, tracks: TTrack[]): TFragment {
  const root: TBox = { type: "moof", start: 0, size: moof.length };
  const runs: TTrackRun[] = [];
  // Data offsets count from the moof's first byte (default-base-is-moof); the payload follows the mdat header.
  const payloadAt = moof.length + 8;
  let cursor = payloadAt;
  for (const traf of findAll(moof, root, "traf")) {
    const tfhd = first(moof, traf, "tfhd");
    if (!tfhd) throw new Error("traf without tfhd");
    const tfFlags = moof.readUInt32BE(tfhd.start + 8) & 0xffffff;
    const trackId = moof.readUInt32BE(tfhd.start + 12);
    const track = tracks.find((t) => t.id === trackId);
    const d = { ...(track?.defaults ?? { duration: 0, size: 0, flags: 0 }) };
    const p = new Cursor(moof, tfhd.start + 16);
    if (tfFlags & 0x01) p.skip(8); // base data offset: ffmpeg's default_base_moof never writes it
    if (tfFlags & 0x02) p.skip(4);
    if (tfFlags & 0x08) d.duration = p.u32();
    if (tfFlags & 0x10) d.size = p.u32();
    if (tfFlags & 0x20) d.flags = p.u32();
    const tfdt = first(moof, traf, "tfdt");
    const baseTime = !tfdt
      ? 0
      : moof[tfdt.start + 8] === 1
        ? Number(moof.readBigUInt64BE(tfdt.start + 12))
        : moof.readUInt32BE(tfdt.start + 12);
    const samples: TSample[] = [];
    for (const trun of findAll(moof, traf, "trun")) {
      const version = moof[trun.start + 8];
      const flags = moof.readUInt32BE(trun.start + 8) & 0xffffff;
      const q = new Cursor(moof, trun.start + 12);
      const count = q.u32();
      if (flags & 0x01) cursor = q.i32();
      const firstFlags = flags & 0x04 ? q.u32() : null;
      for (let i = 0; i < count; i++) {
        const s: TSample = {
          duration: d.duration,
          size: d.size,
          flags: i === 0 && firstFlags !== null ? firstFlags : d.flags,
          cto: 0,
          offset: 0,
        };
        if (flags & 0x100) s.duration = q.u32();
        if (flags & 0x200) s.size = q.u32();
        if (flags & 0x400) s.flags = q.u32();
        if (flags & 0x800) s.cto = version === 1 ? q.i32() : q.u32();
        s.offset = cursor - payloadAt;
        cursor += s.size;
        if (s.offset < 0 || s.offset + s.size > mdat.length - 8) throw new Error("sample outside its mdat");
        samples.push(s);
      }
    }
    runs.push({ trackId, baseTime, samples });
  }
  return { runs, moof, mdat };
}

/** The run of the video track (the one that times parts), else the first run. */
export function timingRun(f: TFragment, tracks: TTrack[]): { run: TTrackRun; track: TTrack } | null {
  const video = tracks.find((t) => t.kind === "video") ?? tracks[0];
  const run = f.runs.find((r) => r.trackId === video?.id) ?? f.runs[0];
  const track = tracks.find((t) => t.id === run?.trackId);
  return run && track ? { run, track } : null;
}

/** Start (seconds, decode time) and duration of a fragment, by its timing track. */
export function fragmentTiming(
  f: TFragment,
  tracks: TTrack[],
): { start: number; duration: number; keyframe: boolean; frames: number } {
  const timing = timingRun(f, tracks);
  if (!timing) return { start: 0, duration: 0, keyframe: false, frames: 0 };
  const { run, track } = timing;
  const ticks = run.samples.reduce((n, s) => n + s.duration, 0);
  const firstSample = run.samples[0];
  const hasVideo = tracks.some((t) => t.kind === "video");
  return {
    start: run.baseTime / track.timescale,
    // Parts are timed by the video: an audio-only fragment of a stream with video adds no part time.
    duration: hasVideo && track.kind !== "video" ? 0 : ticks / track.timescale,
    // A fragment without video in a stream that has video (ffmpeg writes a few audio-only ones at the
    // start) cannot begin a segment; an audio-only stream's fragments all can.
    keyframe:
      track.kind === "video" ? firstSample !== undefined && (firstSample.flags & NON_SYNC) === 0 : !hasVideo,
    frames: track.kind === "video" ? run.samples.length : 0,
  };
}

/**
 * Cuts a fragment into pieces of at most `maxSeconds` of its timing track, at sample boundaries; the other
 * tracks' samples go with the piece their decode time falls in. A fragment short enough comes back as is.
 */
export function splitFragment(
  f: TFragment,
  tracks: TTrack[],
  maxSeconds: number,
  nextSeq: () => number,
): Buffer[] {
  const timing = timingRun(f, tracks);
  const whole = [Buffer.concat([f.moof, f.mdat])];
  if (!timing) return whole;
  const { run, track } = timing;
  const total = run.samples.reduce((n, s) => n + s.duration, 0);
  const limit = Math.floor(maxSeconds * track.timescale);
  if (total <= limit || run.samples.length < 2) return whole;
  // Equal pieces (a 0.49 s fragment becomes two of ~0.245 s, not 0.25 + 0.24).
  const pieces = Math.ceil(total / limit);
  const cuts: number[] = []; // decode times (seconds) where a new piece starts
  let t = run.baseTime;
  let pieceStart = run.baseTime;
  for (const s of run.samples) {
    const length = t - pieceStart + s.duration;
    if (t > pieceStart && (length > limit || length - s.duration / 2 > total / pieces)) {
      cuts.push(t / track.timescale);
      pieceStart = t;
    }
    t += s.duration;
  }
  const out: Buffer[] = [];
  for (let i = 0; i <= cuts.length; i++) {
    const from = i === 0 ? -Infinity : cuts[i - 1]!;
    const to = i === cuts.length ? Infinity : cuts[i]!;
    out.push(writeFragment(f, tracks, from, to, nextSeq()));
  }
  return out;
}

/** A moof + mdat holding the samples of `f` whose decode time is in [from, to) seconds. */
function writeFragment(f: TFragment, tracks: TTrack[], from: number, to: number, seq: number): Buffer {
  const trafs: Buffer[] = [];
  const data: Buffer[] = [];
  let dataBytes = 0;
  const dataStarts: number[] = []; // where each trun's samples start in the new mdat payload
  for (const run of f.runs) {
    const scale = tracks.find((t) => t.id === run.trackId)?.timescale ?? 1;
    let time = run.baseTime;
    const picked: TSample[] = [];
    let base = -1;
    for (const s of run.samples) {
      const sec = time / scale;
      if (sec >= from && sec < to) {
        if (base < 0) base = time;
        picked.push(s);
      }
      time += s.duration;
    }
    if (picked.length === 0) continue;
    const tfhd = fullBox("tfhd", 0, 0x020000, u32(run.trackId));
    const tfdt = fullBox("tfdt", 1, 0, u64(base));
    const entries = Buffer.alloc(picked.length * 16);
    picked.forEach((s, i) => {
      entries.writeUInt32BE(s.duration, i * 16);
      entries.writeUInt32BE(s.size, i * 16 + 4);
      entries.writeUInt32BE(s.flags, i * 16 + 8);
      entries.writeInt32BE(s.cto, i * 16 + 12);
    });
    const trun = fullBox(
      "trun",
      1,
      0x01 | 0x100 | 0x200 | 0x400 | 0x800,
      Buffer.concat([u32(picked.length), u32(0), entries]),
    );
    dataStarts.push(dataBytes);
    for (const s of picked) {
      const bytes = f.mdat.subarray(8 + s.offset, 8 + s.offset + s.size);
      data.push(bytes);
      dataBytes += bytes.length;
    }
    trafs.push(box("traf", Buffer.concat([tfhd, tfdt, trun])));
  }
  const moof = box("moof", Buffer.concat([fullBox("mfhd", 0, 0, u32(seq)), ...trafs]));
  // Offsets count from the moof's first byte; the mdat payload starts after its 8-byte header.
  patchDataOffsets(
    moof,
    dataStarts.map((rel) => moof.length + 8 + rel),
  );
  return Buffer.concat([moof, box("mdat", Buffer.concat(data))]);
}

/** Writes each trun's data offset, in document order, into an assembled moof. */
function patchDataOffsets(moof: Buffer, offsets: number[]): void {
  const root: TBox = { type: "moof", start: 0, size: moof.length };
  findAll(moof, root, "trun").forEach((trun, i) => moof.writeInt32BE(offsets[i] ?? 0, trun.start + 16));
}

/** Reads big-endian fields one after another. */
class Cursor {
  constructor(
    private readonly buf: Buffer,
    private at: number,
  ) {}

  skip(n: number): void {
    this.at += n;
  }

  u32(): number {
    const v = this.buf.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }

  i32(): number {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function box(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, payload]);
}

function fullBox(type: string, version: number, flags: number, payload: Buffer): Buffer {
  return box(type, Buffer.concat([u32(((version & 0xff) << 24) | (flags & 0xffffff)), payload]));
}

export { NON_SYNC };
