"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { TIngestStats, TQuality } from "@/lib/media/ingest-protocol";
import { listDevices, openDevices, openErrorOf, stopStream, type TDeviceError } from "@/lib/media/devices";
import { Publisher, type TPublisherState, type TUploadHealth } from "@/lib/media/publisher";
import { createTestPatternStream } from "@/lib/media/test-pattern";
import { ApiRequestError } from "@/lib/api/request";
import { endLive } from "@/lib/media/client";
import { mediaQueries } from "@/lib/media/queries";

export const TEST_SOURCE_ID = "onair-test-pattern";

export type TBroadcastPhase = "idle" | "connecting" | "live" | "reconnecting" | "ending" | "ended" | "failed";

export type TBroadcast = ReturnType<typeof useBroadcast>;

/**
 * The seller's broadcast: devices (permission, pickers, preview stream), quality, the publisher and the
 * show's status. One hook so the console's preview and its Go live / End show buttons share one state.
 */
export function useBroadcast(
  roomId: string,
  initialStatus: "SCHEDULED" | "LIVE" | "ENDED",
  initialStartedAt: string | null,
) {
  const router = useRouter();
  const [status, setStatus] = useState(initialStatus);
  const [phase, setPhase] = useState<TBroadcastPhase>(initialStatus === "ENDED" ? "ended" : "idle");
  const [failure, setFailure] = useState<string | null>(null);
  const [deviceError, setDeviceError] = useState<TDeviceError | null>(null);
  const [opening, setOpening] = useState(false);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [micId, setMicId] = useState<string | null>(null);
  const [quality, setQuality] = useState<TQuality>("720p");
  const testSourceAvailable =
    useQuery({
      ...mediaQueries.live(roomId),
      select: (info) => Boolean(info.testSourceAvailable),
    }).data ?? false;
  const { mutateAsync: end } = useMutation({ mutationFn: () => endLive(roomId) });
  const [startedAt, setStartedAt] = useState(initialStartedAt);
  const [health, setHealth] = useState<TUploadHealth | null>(null);
  const [serverStats, setServerStats] = useState<TIngestStats | null>(null);
  const publisher = useRef<Publisher | null>(null);
  const stopTestSource = useRef<(() => void) | null>(null);
  const streamRef = useRef<MediaStream | null>(null);

  const releaseStream = useCallback(() => {
    stopTestSource.current?.();
    stopTestSource.current = null;
    stopStream(streamRef.current);
    streamRef.current = null;
  }, []);

  /** Opens (or re-opens) the chosen devices: the permission prompt appears the first time. */
  const openPreview = useCallback(
    async (choice: { cameraId: string | null; micId: string | null; quality: TQuality }) => {
      setOpening(true);
      setDeviceError(null);
      releaseStream();
      try {
        let next: MediaStream;
        if (choice.cameraId === TEST_SOURCE_ID) {
          const test = createTestPatternStream();
          stopTestSource.current = test.stop;
          next = test.stream;
        } else {
          next = await openDevices(choice);
        }
        streamRef.current = next;
        setStream(next);
        const found = await listDevices();
        setCameras(found.cameras);
        setMics(found.mics);
        if (choice.cameraId !== TEST_SOURCE_ID)
          setCameraId(next.getVideoTracks()[0]?.getSettings().deviceId ?? choice.cameraId);
        setMicId(next.getAudioTracks()[0]?.getSettings().deviceId ?? choice.micId);
      } catch (err) {
        setStream(null);
        setDeviceError(openErrorOf(err));
      } finally {
        setOpening(false);
      }
    },
    [releaseStream],
  );

  // Once per mount: router.refresh() after going live changes `initialStatus`, and that must neither
  // reopen the camera nor stop the broadcast.
  const startsEnded = useRef(initialStatus === "ENDED");
  useEffect(() => {
    // Deferred a tick: React's strict-mode remount cancels the first one, so the prompt appears once.
    const timer = startsEnded.current
      ? null
      : window.setTimeout(() => void openPreview({ cameraId: null, micId: null, quality: "720p" }), 0);
    return () => {
      if (timer !== null) window.clearTimeout(timer);
      publisher.current?.stop();
      publisher.current = null;
      releaseStream();
    };
  }, [openPreview, releaseStream]);

  const choose = useCallback(
    (patch: Partial<{ cameraId: string | null; micId: string | null; quality: TQuality }>) => {
      const next = { cameraId, micId, quality, ...patch };
      if (patch.cameraId !== undefined) setCameraId(patch.cameraId);
      if (patch.quality) setQuality(patch.quality);
      void openPreview(next);
    },
    [cameraId, micId, quality, openPreview],
  );

  const goLive = useCallback(() => {
    if (!stream || publisher.current) return;
    setFailure(null);
    setPhase("connecting");
    try {
      const p = new Publisher(roomId, stream, quality, {
        onState: (state: TPublisherState, detail) => {
          if (state === "failed") {
            setFailure(detail?.reason || null);
            publisher.current = null;
          }
          if (state === "ended") publisher.current = null;
          // While ending, the REST answer decides: the socket closing first must not claim "ended".
          setPhase((prev) => (prev === "ending" ? prev : state));
        },
        onLive: (at) => {
          setStatus("LIVE");
          setStartedAt((prev) => prev ?? at);
          router.refresh(); // the page's status badge and times come from the server
        },
        onHealth: setHealth,
        onServerStats: setServerStats,
      });
      publisher.current = p;
      p.start();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : null);
      setPhase("failed");
    }
  }, [roomId, stream, quality, router]);

  const endShow = useCallback(async (): Promise<boolean> => {
    setPhase("ending");
    const refusal = await end().then(
      () => null,
      (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, "NETWORK", "")),
    );
    if (refusal) {
      setFailure(refusal.detail || null);
      setPhase(publisher.current ? "live" : "failed");
      return false;
    }
    publisher.current?.stop();
    publisher.current = null;
    releaseStream();
    setStream(null);
    setStatus("ENDED");
    setPhase("ended");
    router.refresh();
    return true;
  }, [end, releaseStream, router]);

  return {
    roomId,
    status,
    phase,
    failure,
    deviceError,
    opening,
    stream,
    cameras,
    mics,
    cameraId,
    micId,
    quality,
    testSourceAvailable,
    startedAt,
    health,
    serverStats,
    choose,
    retryDevices: () => void openPreview({ cameraId, micId, quality }),
    goLive,
    endShow,
  };
}
