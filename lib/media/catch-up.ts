/**
 * The app's live catch-up rule. hls.js speeds up only with more than 1 s buffered (never true at a
 * sub-second target, hls.js #4681), so playback sat 0.2-0.37 s behind its target in the prototype; this
 * rule (1.08x while more than 0.12 s behind with at least 0.3 s buffered) brought it to the target.
 */
export const CATCH_UP_RATE = 1.08;
export const CATCH_UP_BEHIND_S = 0.12;
export const CATCH_UP_MIN_BUFFER_S = 0.3;

/** The playback rate for a live player `latency` s behind the edge, aiming at `target`, with `buffered` s ahead. */
export function catchUpRate({
  latency,
  target,
  buffered,
}: {
  latency: number;
  target: number;
  buffered: number;
}): number {
  return latency - target > CATCH_UP_BEHIND_S && buffered >= CATCH_UP_MIN_BUFFER_S ? CATCH_UP_RATE : 1;
}

/** Seconds of media buffered ahead of `time` in the range that holds it (0 when none does). */
export function bufferedAhead(buffered: TimeRanges, time: number): number {
  for (let i = 0; i < buffered.length; i++) {
    if (buffered.start(i) <= time + 0.05 && time < buffered.end(i)) return buffered.end(i) - time;
  }
  return 0;
}
