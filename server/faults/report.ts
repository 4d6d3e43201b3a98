/** The fault suite's report: one row per fault, printed as a table and merged into bench/results/faults.json. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TChatTally } from "@/server/deploy/test/chat-load";
import type { TOrderTally } from "@/server/deploy/test/order-load";

export type TFaultRow = {
  fault: string;
  /** Acknowledged messages in the phase, how many are in the database, how many reached every listener. */
  chat: Pick<TChatTally, "acked" | "stored" | "delivered">;
  orders: Pick<TOrderTally, "placed" | "stored">;
  /** From the fault until chat crosses slaves again and a checkout succeeds (or, for ffmpeg, a new segment). */
  recoveryMs: number;
  detail: string;
};

const FILE = path.resolve("bench/results/faults.json");

export function printTable(backend: string, rows: TFaultRow[]): void {
  const header = [
    "fault",
    "chat acked",
    "stored",
    "delivered",
    "orders placed",
    "stored",
    "recovery ms",
    "detail",
  ];
  const lines = rows.map((r) =>
    [
      r.fault,
      r.chat.acked,
      r.chat.stored,
      r.chat.delivered,
      r.orders.placed,
      r.orders.stored,
      r.recoveryMs,
      r.detail,
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ");
  const out = [
    `faults on ${backend}:`,
    fmt(header),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...lines.map(fmt),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

/** Keeps the other backend's results: CI runs the suite on SQLite, then on PostgreSQL. */
export function writeResults(
  backend: "sqlite" | "postgres",
  rows: TFaultRow[],
  extra: Record<string, unknown>,
): void {
  const previous = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, "utf8")) as Record<string, unknown>)
    : {};
  const result = {
    ...previous,
    [backend]: {
      date: new Date().toISOString(),
      host: { cpus: os.cpus().length, loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100) },
      ...extra,
      faults: rows,
    },
  };
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, `${JSON.stringify(result, null, 2)}\n`);
}
