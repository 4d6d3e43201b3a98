import pino from "pino";
import { ZLogEnv } from "@/server/env";

/**
 * LOG_LEVEL and the process role. A bad LOG_LEVEL falls back to "info" here rather than throwing inside
 * every module's import: env() stops the process at start with a message naming it.
 */
function logEnv() {
  const parsed = ZLogEnv.safeParse(process.env);
  return parsed.success ? parsed.data : { LOG_LEVEL: "info" as const, ONAIR_ROLE: undefined };
}

/** Structured JSON logs with the process role and node id on every line. */
export function createLogger(component: string, bindings: Record<string, unknown> = {}) {
  const { LOG_LEVEL, ONAIR_ROLE } = logEnv();
  return pino({
    name: component,
    level: LOG_LEVEL,
    base: { role: ONAIR_ROLE, pid: process.pid, ...bindings },
    redact: ["token", "password", "*.token", "*.password", "headers.authorization", "headers.cookie"],
  });
}

export type Logger = ReturnType<typeof createLogger>;
