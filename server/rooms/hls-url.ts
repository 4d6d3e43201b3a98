/** The HLS playlist of a show while it is LIVE and, as a replay, after it ENDED; null before. */
export function hlsUrlOf(room: { id: string; status: string; hlsPath: string | null }): string | null {
  if (room.status === "SCHEDULED" || !room.hlsPath) return null;
  return `/hls/${room.id}/index.m3u8`;
}
