/** HLS media playlists (RFC 8216) as text: rendering and reading back our own recording playlist. */
export type TSegment = {
  /** Monotonic across the whole show (EXT-X-MEDIA-SEQUENCE). */
  seq: number;
  uri: string;
  duration: number;
  /** A new ffmpeg generation starts here: timestamps and encoder state restart. */
  discontinuity: boolean;
  /** EXT-X-DISCONTINUITY-SEQUENCE of this segment: discontinuities since the show's first segment. */
  discSeq: number;
  /** Wall-clock time of the segment's first frame (ms since epoch), for replay chat sync. */
  programDateTime: number;
  /** fMP4: the init segment (EXT-X-MAP) of the segment's ffmpeg generation; absent for MPEG-TS. */
  map?: string;
};

export type TPlaylistKind = "live" | "event" | "vod";

/** Segments in a live playlist: at least 7 so players ignoring parts have room behind the edge (gohlslib). */
export const LIVE_WINDOW_SEGMENTS = 8;

export function targetDuration(segments: TSegment[]): number {
  return Math.max(1, ...segments.map((s) => Math.round(s.duration)));
}

/** Renders a playlist of consecutive segments (a live window or the whole recording). */
export function renderPlaylist(segments: TSegment[], kind: TPlaylistKind): string {
  // EXT-X-MAP in a media playlist needs version 6+ (RFC 8216 §7); MPEG-TS recordings keep version 3.
  const version = segments.some((s) => s.map) ? 7 : 3;
  const lines = ["#EXTM3U", `#EXT-X-VERSION:${version}`, `#EXT-X-TARGETDURATION:${targetDuration(segments)}`];
  lines.push(`#EXT-X-MEDIA-SEQUENCE:${segments[0]?.seq ?? 0}`);
  // Keeps a player's timeline when discontinuities slide out of the live window.
  const discSeq = segments[0]?.discSeq ?? 0;
  if (discSeq > 0) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${discSeq}`);
  if (kind === "event") lines.push("#EXT-X-PLAYLIST-TYPE:EVENT");
  if (kind === "vod") lines.push("#EXT-X-PLAYLIST-TYPE:VOD");
  segments.forEach((s, i) => {
    if (s.discontinuity && i > 0) lines.push("#EXT-X-DISCONTINUITY");
    if (s.map && s.map !== segments[i - 1]?.map) lines.push(`#EXT-X-MAP:URI="${s.map}"`);
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.programDateTime).toISOString()}`);
    lines.push(`#EXTINF:${s.duration.toFixed(3)},`, s.uri);
  });
  if (kind === "vod") lines.push("#EXT-X-ENDLIST");
  return lines.join("\n") + "\n";
}

/** Reads a playlist this module wrote (to resume a show after a web tier restart). */
export function parsePlaylist(text: string): { segments: TSegment[]; ended: boolean } {
  const segments: TSegment[] = [];
  let seq = 0;
  let discSeq = 0;
  let pending: Partial<TSegment> = {};
  let map: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const mapUri = /^#EXT-X-MAP:URI="([^"]+)"/.exec(line)?.[1];
    if (mapUri) map = mapUri;
    if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) seq = Number(line.slice(22)) || 0;
    else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) discSeq = Number(line.slice(30)) || 0;
    else if (line === "#EXT-X-DISCONTINUITY") pending.discontinuity = true;
    else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))
      pending.programDateTime = Date.parse(line.slice(25));
    else if (line.startsWith("#EXTINF:")) pending.duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith("#")) {
      const discontinuity = pending.discontinuity ?? false;
      if (discontinuity && segments.length > 0) discSeq++;
      segments.push({
        seq: seq++,
        uri: line,
        duration: pending.duration ?? 1,
        discontinuity,
        discSeq,
        programDateTime: pending.programDateTime ?? 0,
        ...(map ? { map } : {}),
      });
      pending = {};
    }
  }
  return { segments, ended: text.includes("#EXT-X-ENDLIST") };
}
