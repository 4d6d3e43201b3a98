/** What every bench script reads the same way: its numbers from the env, its target, the machine it ran on. */
import os from "node:os";

/** A whole number from `process.env[name]`, at least 1 and at most `max`; `fallback` when unset or not a number. */
export const intFromEnv = (name: string, fallback: number, max: number): number =>
  Math.min(max, Math.max(1, Number(process.env[name] ?? fallback) || fallback));

/** A bench floods what it targets: it refuses anything but this machine (127.0.0.0/8, ::1, localhost). */
export function assertLoopback(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)) return;
  console.error(
    `BENCH_URL must point at a loopback address (127.0.0.0/8, ::1, localhost), not ${url.hostname}.`,
  );
  process.exit(2);
}

/** The machine a result was measured on, as the results JSON records it. */
export function machine(): { cpus: number; model: string; memGiB: number } {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? "",
    memGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}
