const COLORS = [36, 35, 33, 32, 34, 91, 96, 95];
const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};
const HIDDEN = new Set(["level", "time", "msg", "pid", "hostname", "name", "role", "nodeId", "v"]);

export function colorFor(index: number, enabled: boolean): (text: string) => string {
  const code = COLORS[index % COLORS.length];
  return enabled ? (text) => `\x1b[${code}m${text}\x1b[0m` : (text) => text;
}

/** Renders one pino JSON line as `level message {extras}`; any other line is kept as it is. */
export function formatLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const level = LEVELS[Number(entry.level)] ?? "info";
    const extras = Object.fromEntries(Object.entries(entry).filter(([k]) => !HIDDEN.has(k)));
    const rest = Object.keys(extras).length ? ` ${JSON.stringify(extras)}` : "";
    return `${level.padEnd(5)} ${typeof entry.msg === "string" ? entry.msg : ""}${rest}`;
  } catch {
    return line;
  }
}
