/** CPU seconds of the OnAir processes on this machine, per tier, read from /proc (storm row of bench:arrival). */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { cpuSeconds } from "@/bench/chat/proc";

const TIERS: [tier: string, entry: RegExp][] = [
  ["web", /server\/web\/main\.ts$/],
  ["master", /server\/chat\/master\/main\.ts$/],
  ["slaves", /server\/chat\/slave\/main\.ts$/],
  ["media", /server\/media\/node\/main\.ts$/],
  ["ffmpeg", /ffmpeg$/],
];

export type TTierPids = Map<string, number[]>;

/**
 * The processes of the system started from this checkout (same working directory as the bench, so another
 * checkout's test clusters on the machine do not count), by tier: the node running each entry point, and
 * ffmpeg. Empty when the system runs elsewhere.
 */
export function tierPids(): TTierPids {
  const found: TTierPids = new Map(TIERS.map(([tier]) => [tier, []]));
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`) !== process.cwd()) continue;
      const argv = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").filter(Boolean);
      const program = argv[0] ?? "";
      for (const [tier, entry] of TIERS) {
        const match =
          tier === "ffmpeg" ? entry.test(program) : /node$/.test(program) && argv.some((a) => entry.test(a));
        if (match) found.get(tier)!.push(Number(name));
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** CPU seconds used so far by each tier's processes (a process gone meanwhile counts 0). */
export function tierCpu(pids: TTierPids): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [tier, list] of pids) {
    out[tier] = list.reduce((sum, pid) => {
      try {
        return sum + cpuSeconds(pid);
      } catch {
        return sum;
      }
    }, 0);
  }
  return out;
}

/** What each tier used between two readings, in CPU seconds rounded to 0.1. */
export function cpuBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after).map((tier) => [
      tier,
      Math.round(((after[tier] ?? 0) - (before[tier] ?? 0)) * 10) / 10,
    ]),
  );
}
