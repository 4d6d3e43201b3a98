import type { Logger } from "@/server/log";

/** Calls `stop` with the signal's name on SIGTERM (a supervisor's stop) and SIGINT (Ctrl-C). */
export function onStopSignal(stop: (signal: string) => void): void {
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** Starts a process's async `main`: an unhandled rejection is logged; a failed start is fatal (exit 1). */
export function runMain(log: Logger, failure: string, main: () => Promise<void>): void {
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  main().catch((err: unknown) => {
    log.fatal({ err }, failure);
    process.exit(1);
  });
}
