import pino from "pino";

/** Structured JSON logs with the process role and node id on every line. */
export function createLogger(component: string, bindings: Record<string, unknown> = {}) {
  return pino({
    name: component,
    level: process.env.LOG_LEVEL ?? "info",
    base: { role: process.env.ONAIR_ROLE, pid: process.pid, ...bindings },
    redact: ["token", "password", "*.token", "*.password", "headers.authorization", "headers.cookie"],
  });
}

export type Logger = ReturnType<typeof createLogger>;
