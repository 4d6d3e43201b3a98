import type { TSegment } from "@/server/media/playlist";

/**
 * Low-Latency HLS (RFC 8216bis §4.4.3.7-8, §4.4.5.2, §6.2.5): the live media playlist with partial
 * segments, rendered as text once per new part and shared by every viewer.
 */

/** Parts are at most this long (EXT-X-PART-INF). ffmpeg cuts ~0.2 s fragments; longer ones are split. */
export const PART_TARGET = 0.25;
/**
 * How far behind the newest part players aim (EXT-X-SERVER-CONTROL). RFC 8216bis asks for at least 2×
 * PART-TARGET and recommends 3×: 0.75 s gave 0.96 s glass-to-glass in the prototype, 1.0 s gave 1.22 s.
 */
export const PART_HOLD_BACK = 0.75;
/** Parts are listed for this many segments at the live edge (the open one included); older ones only whole. */
export const PART_SEGMENTS = 3;

export type TPart = { uri: string; duration: number; independent: boolean };
/** A segment of the live window, with its parts while it is among the last PART_SEGMENTS. */
export type TLiveSegment = TSegment & { parts: TPart[] };
/** The segment being filled: parts so far, no EXTINF yet. */
export type TOpenSegment = Omit<TLiveSegment, "duration" | "uri">;

export type TLowLatencyInput = {
  segments: TLiveSegment[];
  open: TOpenSegment | null;
  /** URI of the next part (EXT-X-PRELOAD-HINT); a request for it blocks until it exists. */
  hint: string;
  targetDuration: number;
};

function head(s: TOpenSegment, previous: TOpenSegment | undefined, lines: string[]): void {
  if (s.discontinuity && previous) lines.push("#EXT-X-DISCONTINUITY");
  if (s.map && s.map !== previous?.map) lines.push(`#EXT-X-MAP:URI="${s.map}"`);
  lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateTime).toISOString()}`);
  for (const p of s.parts)
    lines.push(
      `#EXT-X-PART:DURATION=${p.duration.toFixed(5)},URI="${p.uri}"${p.independent ? ",INDEPENDENT=YES" : ""}`,
    );
}

/**
 * Where a player joining now should start, as seconds back from the end of the playlist (its newest part):
 * the start of the newest independent part (a keyframe) at least PART-HOLD-BACK behind the end. Starting
 * there, the first frame needs one part; starting at the hold-back itself (the default) it needs every part
 * from the keyframe before it, up to four, loaded one after another. The player then moves up to its
 * target (lib/media/catch-up.ts). Segments listed without parts start with a keyframe. Null when the
 * window is shorter than the hold-back.
 */
export function startOffset({ segments, open }: Pick<TLowLatencyInput, "segments" | "open">): number | null {
  const pieces: { duration: number; independent: boolean }[] = [];
  for (const s of segments)
    if (s.parts.length > 0) pieces.push(...s.parts);
    else pieces.push({ duration: s.duration, independent: true });
  if (open) pieces.push(...open.parts);
  let back = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    back += pieces[i]!.duration;
    if (back >= PART_HOLD_BACK - 1e-6 && pieces[i]!.independent) return back;
  }
  return null;
}

/** The live playlist text: whole segments of the window, parts at the edge, and the preload hint. */
export function renderLowLatencyPlaylist({ segments, open, hint, targetDuration }: TLowLatencyInput): string {
  const first = segments[0] ?? open;
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:9",
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${PART_HOLD_BACK.toFixed(3)}`,
    `#EXT-X-PART-INF:PART-TARGET=${PART_TARGET.toFixed(3)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first?.seq ?? 0}`,
  ];
  const back = startOffset({ segments, open });
  if (back !== null) lines.push(`#EXT-X-START:TIME-OFFSET=-${back.toFixed(5)},PRECISE=YES`);
  // Keeps a player's timeline when discontinuities slide out of the window.
  if ((first?.discSeq ?? 0) > 0) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${first?.discSeq ?? 0}`);
  let previous: TOpenSegment | undefined;
  for (const s of segments) {
    head(s, previous, lines);
    lines.push(`#EXTINF:${s.duration.toFixed(5)},`, s.uri);
    previous = s;
  }
  if (open) head(open, previous, lines);
  lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${hint}"`);
  return lines.join("\n") + "\n";
}
