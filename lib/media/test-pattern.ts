/**
 * The benchmark's test source: a canvas that draws the current time (ms since epoch) as two rows of
 * 48 black/white cells, the second row the bitwise complement of the first, so a viewer can read the
 * time back from decoded frames and reject misreads. Offered only when the server sets MEDIA_TEST_SOURCE.
 */
export const PATTERN = { width: 1280, height: 720, bits: 48, cell: 24, top: 40, left: 64 } as const;

function bitsOf(value: number): boolean[] {
  const out: boolean[] = [];
  for (let i = PATTERN.bits - 1; i >= 0; i--) out.push(Math.floor(value / 2 ** i) % 2 === 1);
  return out;
}

export function drawPattern(ctx: CanvasRenderingContext2D, now: number): void {
  const { width, height, cell, top, left } = PATTERN;
  ctx.fillStyle = "#7c3aed";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#808080";
  ctx.fillRect(left - cell, top - cell, cell * (PATTERN.bits + 2), cell * 4);
  const bits = bitsOf(now);
  bits.forEach((bit, i) => {
    ctx.fillStyle = bit ? "#ffffff" : "#000000";
    ctx.fillRect(left + i * cell, top, cell, cell);
    ctx.fillStyle = bit ? "#000000" : "#ffffff";
    ctx.fillRect(left + i * cell, top + cell, cell, cell);
  });
  ctx.fillStyle = "#ffffff";
  ctx.font = "bold 96px monospace";
  ctx.fillText(new Date(now).toISOString().slice(11, 23), left, height / 2 + 48);
  ctx.font = "32px sans-serif";
  ctx.fillText("OnAir test source", left, height - 60);
}

/** A MediaStream of the pattern at 30 fps with a quiet tone, standing in for a camera and microphone. */
export function createTestPatternStream(): { stream: MediaStream; stop: () => void } {
  const canvas = document.createElement("canvas");
  canvas.width = PATTERN.width;
  canvas.height = PATTERN.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  const timer = window.setInterval(() => drawPattern(ctx, Date.now()), 1000 / 30);
  drawPattern(ctx, Date.now());
  const stream = canvas.captureStream(30);
  const audio = new AudioContext();
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  gain.gain.value = 0.05;
  const dest = audio.createMediaStreamDestination();
  // Mono, as a seller's microphone with echo cancellation records (the destination defaults to stereo).
  dest.channelCount = 1;
  osc.connect(gain).connect(dest);
  osc.start();
  dest.stream.getAudioTracks().forEach((t) => stream.addTrack(t));
  return {
    stream,
    stop: () => {
      window.clearInterval(timer);
      stream.getTracks().forEach((t) => t.stop());
      void audio.close();
    },
  };
}
