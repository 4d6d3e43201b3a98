import { PART_TARGET } from "@/server/media/ll-playlist";

/**
 * RFC 8216bis §4.4.4.9: a part lasts at most PART-TARGET and, unless it is the last of its segment, at
 * least 85% of it. ffmpeg writes one fragment per video frame (~33 ms), and this joins them: a part
 * closes once it reaches 85% (7 frames at 30 fps = 0.233 s), before a frame would take it past the target,
 * or when a keyframe starts the next segment.
 */
export const PART_MIN = PART_TARGET * 0.85;
const EPSILON = 1e-6;

/** A run of media: one ffmpeg fragment in, one part (several fragments end to end) out. */
export type TPiece = { bytes: Buffer; start: number; duration: number; keyframe: boolean };
/** A finished part; `last` when a keyframe came next, so its segment is complete. */
export type TPart = TPiece & { last: boolean };

export class PartBuilder {
  private pending: { bytes: Buffer[]; start: number; duration: number; keyframe: boolean } | null = null;

  /** Adds a fragment; returns the parts it completed, in order. */
  push(piece: TPiece): TPart[] {
    const done: TPart[] = [];
    const p = this.pending;
    if (p && (piece.keyframe || p.duration + piece.duration > PART_TARGET + EPSILON))
      done.push({ ...this.take()!, last: piece.keyframe });
    if (!this.pending)
      this.pending = {
        bytes: [piece.bytes],
        start: piece.start,
        duration: piece.duration,
        keyframe: piece.keyframe,
      };
    else {
      this.pending.bytes.push(piece.bytes);
      this.pending.duration += piece.duration;
    }
    if (this.pending.duration >= PART_MIN - EPSILON) done.push({ ...this.take()!, last: false });
    return done;
  }

  /** The unfinished part (ffmpeg ended, or a new generation begins). */
  take(): TPiece | null {
    const p = this.pending;
    this.pending = null;
    return (
      p && {
        bytes: p.bytes.length === 1 ? p.bytes[0]! : Buffer.concat(p.bytes),
        start: p.start,
        duration: p.duration,
        keyframe: p.keyframe,
      }
    );
  }
}
