/**
 * The app's live catch-up rule. hls.js speeds up only with more than 1 s buffered (never true at a
 * sub-second target, hls.js #4681), so playback sat 0.2-0.37 s behind its target in the prototype; this
 * rule (1.08x while more than 0.12 s behind with at least 0.3 s buffered) brought it to the target.
 */
export const CATCH_UP_RATE = 1.08;
export const CATCH_UP_BEHIND_S = 0.12;
export const CATCH_UP_MIN_BUFFER_S = 0.3;

/** Where a live player stands: `latency` s behind the edge, aiming at `target`, with `buffered` s ahead. */
export type TLivePosition = { latency: number; target: number; buffered: number };

/** The playback rate for a live player at `position`. */
export function catchUpRate({ latency, target, buffered }: TLivePosition): number {
  return latency - target > CATCH_UP_BEHIND_S && buffered >= CATCH_UP_MIN_BUFFER_S ? CATCH_UP_RATE : 1;
}

/** Seconds of media buffered ahead of `time` in the range that holds it (0 when none does). */
export function bufferedAhead(buffered: TimeRanges, time: number): number {
  for (let i = 0; i < buffered.length; i++) {
    if (buffered.start(i) <= time + 0.05 && time < buffered.end(i)) return buffered.end(i) - time;
  }
  return 0;
}

/** For this long after the first frame, a player behind its target may jump to it (startupSkip). */
export const STARTUP_SKIP_WINDOW_MS = 5000;
/** Smaller gaps are left to the catch-up rate. */
export const STARTUP_SKIP_MIN_S = 0.25;

/**
 * Seconds to jump forward right after start-up, or 0. A joining player starts on a keyframe up to a
 * second behind its target (the playlist's EXT-X-START, so the first frame needs only one part); once the
 * media up to the target is buffered it jumps there, instead of playing 1.08x for ten seconds.
 */
export function startupSkip({ latency, target, buffered }: TLivePosition): number {
  const behind = latency - target;
  return behind > STARTUP_SKIP_MIN_S && buffered >= behind + 0.1 ? behind : 0;
}
