/** Follows a stream's microphone level (0..1, RMS with a fast attack and slow release) until stopped. */
export function watchMicLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  if (stream.getAudioTracks().length === 0) {
    onLevel(0);
    return () => undefined;
  }
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(stream);
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let level = 0;
  const timer = window.setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    // Speech RMS sits around 0.05-0.2: scale so normal talking fills most of the meter.
    const rms = Math.min(1, Math.sqrt(sum / samples.length) * 4);
    level = rms > level ? rms : level * 0.85;
    onLevel(level);
  }, 50);
  void ctx.resume();
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void ctx.close();
  };
}
