import { describe, expect, it } from "vitest";
import { parsePlaylist, renderPlaylist, type TSegment } from "@/server/media/playlist";
import { findCluster, WebmSplicer } from "@/server/media/webm-splice";

const seg = (seq: number, gen: number, discontinuity = false, discSeq = 0): TSegment => ({
  seq,
  uri: `g${gen}-${String(seq).padStart(5, "0")}.ts`,
  duration: 1,
  discontinuity,
  discSeq,
  programDateTime: Date.UTC(2026, 0, 1, 0, 0, seq),
});

describe("HLS playlists", () => {
  it("renders a live window that keeps the media and discontinuity sequence", () => {
    const window = [seg(10, 0), seg(11, 1, true, 1), seg(12, 1, false, 1)];
    const text = renderPlaylist(window, "live");
    expect(text).toContain("#EXT-X-MEDIA-SEQUENCE:10");
    expect(text).not.toContain("#EXT-X-DISCONTINUITY-SEQUENCE");
    expect(text.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(1);
    expect(text).not.toContain("ENDLIST");
    // Once the discontinuity is the first segment of the window, the sequence carries it.
    expect(renderPlaylist(window.slice(1), "live")).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:1");
  });

  it("round-trips the recording and ends the VOD", () => {
    const all = [seg(0, 0), seg(1, 0), seg(2, 1, true, 1)];
    const vod = renderPlaylist(all, "vod");
    expect(vod).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(vod.trim().endsWith("#EXT-X-ENDLIST")).toBe(true);
    const parsed = parsePlaylist(vod);
    expect(parsed.ended).toBe(true);
    expect(parsed.segments).toEqual(all);
  });
});

describe("WebM splicing", () => {
  const header = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x80, 0x18, 0x53, 0x80, 0x67, 0x01]);
  const cluster = (ts: number) =>
    Uint8Array.from([
      0x1f,
      0x43,
      0xb6,
      0x75,
      0x01,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xe7,
      0x81,
      ts,
      0xa3,
      0x81,
      0x00,
    ]);

  it("finds a Cluster only where its Timestamp child follows", () => {
    const fake = Uint8Array.from([0x1f, 0x43, 0xb6, 0x75, 0x81, 0x00]);
    expect(findCluster(fake)).toBe(-1);
    expect(findCluster(Uint8Array.from([0, 0, ...cluster(1)]))).toBe(2);
  });

  it("after a restart, writes the header then the stream from the next cluster", () => {
    const s = new WebmSplicer();
    expect(s.push(Uint8Array.from([...header, ...cluster(0)]))).toHaveLength(1);
    expect(s.hasHeader).toBe(true);
    s.spliceAtNextCluster();
    expect(s.push(Uint8Array.from([0xa3, 0x81, 0x00, 0x1f, 0x43]))).toEqual([]);
    const rest = cluster(2).slice(2); // the cluster id was split across two chunks
    const out = s.push(rest);
    expect(out).toHaveLength(2);
    expect(Array.from(out[0]!)).toEqual(Array.from(header));
    expect(Array.from(out[1]!)).toEqual(Array.from(cluster(2)));
  });
});
