import { describe, expect, it } from "vitest";
import { liveIngests } from "@/server/media/registry";
import {
  countFfmpegRestart,
  countOrder,
  initMetrics,
  metrics,
  metricsAllowed,
} from "@/server/metrics/registry";
import { SecondRate } from "@/server/metrics/node-stats";

describe("web tier metrics", () => {
  it("exports orders, ingest bitrate per show and ffmpeg restarts with the role label, and no chat series", async () => {
    initMetrics({ role: "web" });
    countOrder();
    countOrder();
    countFfmpegRestart();
    liveIngests.set("room1", {
      roomId: "room1",
      publishing: true,
      holdsSlot: true,
      stats: () => ({
        receivedKbps: 2400,
        segments: 3,
        restarts: 1,
        viewers: 2,
        videoPath: "copy",
        transcodeReason: null,
      }),
      finish: () => Promise.resolve(),
    });
    const text = await metrics().registry.metrics();
    liveIngests.delete("room1");
    expect(text).toContain('onair_orders_placed_total{role="web"} 2');
    expect(text).toContain('onair_ffmpeg_restarts_total{role="web"} 1');
    expect(text).toContain('onair_ingest_bitrate_kbps{room="room1",role="web"} 2400');
    expect(text).toContain("process_resident_memory_bytes");
    expect(text).not.toContain("onair_chat_");
  });
});

describe("SecondRate", () => {
  it("averages whole seconds of the last five and leaves out the current one", () => {
    const rate = new SecondRate();
    const t0 = 1_000_000_000;
    for (let s = 0; s < 5; s++) rate.add(10, t0 + s * 1000);
    rate.add(99, t0 + 5000 + 10);
    expect(rate.perSecond(t0 + 5000 + 500)).toBe(10);
    expect(rate.perSecond(t0 + 60_000)).toBe(0);
  });
});

describe("who may read /metrics on a public port", () => {
  const req = (authorization?: string) =>
    ({ headers: authorization ? { authorization } : {} }) as import("node:http").IncomingMessage;
  it("web: nobody without METRICS_TOKEN, the bearer of it with", () => {
    delete process.env.METRICS_TOKEN;
    expect(metricsAllowed(req(), { tokenRequired: true })).toBe(false);
    expect(metricsAllowed(req(), { tokenRequired: false })).toBe(true);
    process.env.METRICS_TOKEN = "a-metrics-token-for-prometheus";
    expect(metricsAllowed(req(), { tokenRequired: true })).toBe(false);
    expect(metricsAllowed(req("Bearer wrong"), { tokenRequired: false })).toBe(false);
    expect(metricsAllowed(req("Bearer a-metrics-token-for-prometheus"), { tokenRequired: true })).toBe(true);
    delete process.env.METRICS_TOKEN;
  });
});
