/**
 * Engagement benchmark (issue 15): a live auction under fire with a slave killed midway, then heart taps
 * against chat on the same tier. Prints tables and writes bench/results/auction.json. Not part of `npm test`.
 *
 *   npm run bench:auction
 *   npm run bench:auction -- --bidders 200 --seconds 20 --viewers 100 --likers 1000 --taps 5 --chat-rate 20 --phase 15
 *
 * Options (or BENCH_<NAME> env): --bidders (200, ≤ 1000), --seconds of bidding (20, 5..120), --viewers
 * guests watching (100), --likers (1000, ≤ 3000), --taps per liker per second (5), --chat-rate messages/s
 * for the comparison (20), --phase seconds of each likes/chat phase (15), --out (bench/results/auction.json).
 * Everything runs on 127.0.0.1 on ports the OS hands out. Check `uptime` first: the machine is shared.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
}

const ZInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const ZConfig = z.object({
  bidders: ZInt(2, 1000, 200),
  seconds: ZInt(5, 120, 20),
  viewers: ZInt(0, 2000, 100),
  likers: ZInt(2, 3000, 1000),
  tapsPerSecond: ZInt(1, 20, 5),
  chatRate: ZInt(1, 200, 20),
  phaseSeconds: ZInt(5, 120, 15),
  out: z.string().default("bench/results/auction.json"),
});

function openFileLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  return Number(line?.trim().split(/\s+/)[3] ?? 1024);
}

// Thousands of sockets need more descriptors than the usual 1024: re-run under a raised limit.
if (openFileLimit() < 16_384 && !process.env.BENCH_AUCTION_ULIMIT_RAISED) {
  const script = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
  const file = path.join(import.meta.dirname, "auction.ts");
  const res = spawnSync("sh", ["-c", script, "sh", process.execPath, "--import", "tsx", file, ...args], {
    stdio: "inherit",
    env: { ...process.env, BENCH_AUCTION_ULIMIT_RAISED: "1" },
  });
  process.exit(res.status ?? 1);
} else {
  const parsed = ZConfig.safeParse({
    bidders: option("bidders"),
    seconds: option("seconds"),
    viewers: option("viewers"),
    likers: option("likers"),
    tapsPerSecond: option("taps"),
    chatRate: option("chat-rate"),
    phaseSeconds: option("phase"),
    out: option("out"),
  });
  if (!parsed.success) {
    console.error(
      `bad option: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join(", ")}`,
    );
    process.exit(2);
  }
  import("./auction/run")
    .then(({ runAuctionBench }) => runAuctionBench(parsed.data))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
}
