import { QUALITY_PRESETS, type TQuality } from "@/lib/media/ingest-protocol";

/** Why the camera or microphone could not be opened, in terms a person can act on. */
export type TDeviceError = "denied" | "notFound" | "busy" | "insecure" | "unsupported" | "unknown";

export function deviceErrorOf(err: unknown): TDeviceError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError")
    return "notFound";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "busy";
  return "unknown";
}

export type TDeviceChoice = { cameraId: string | null; micId: string | null; quality: TQuality };

/** Opens the chosen camera and microphone at the quality's resolution. */
export async function openDevices(choice: TDeviceChoice): Promise<MediaStream> {
  if (!window.isSecureContext) throw Object.assign(new Error("insecure"), { name: "InsecureContext" });
  if (!navigator.mediaDevices?.getUserMedia)
    throw Object.assign(new Error("unsupported"), { name: "Unsupported" });
  const { width, height } = QUALITY_PRESETS[choice.quality];
  return navigator.mediaDevices.getUserMedia({
    video: {
      ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : {}),
      width: { ideal: width },
      height: { ideal: height },
      frameRate: { ideal: 30, max: 30 },
    },
    audio: {
      ...(choice.micId ? { deviceId: { exact: choice.micId } } : {}),
      echoCancellation: true,
      noiseSuppression: true,
    },
  });
}

export function openErrorOf(err: unknown): TDeviceError {
  const name = err instanceof Error ? err.name : "";
  if (name === "InsecureContext") return "insecure";
  if (name === "Unsupported") return "unsupported";
  return deviceErrorOf(err);
}

/** Cameras and microphones; labels are only filled in once permission was granted. */
export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[] }> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: all.filter((d) => d.kind === "videoinput"),
    mics: all.filter((d) => d.kind === "audioinput"),
  };
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
