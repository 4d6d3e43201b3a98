/**
 * `npm start`: the whole OnAir system on one machine. Applies migrations, seeds demo data into an empty
 * database, builds the web tier when needed, then runs web, chat master, chat slaves, media nodes and the
 * demo show's live source as supervised processes with prefixed, coloured logs. Ctrl-C stops them all.
 * `--dev` runs Next.js in dev mode.
 */
import { env } from "@/server/env";
import { findTakenPort, type TPortClaim } from "@/server/supervisor/ports";
import { SupervisedTier, type TTierSpec } from "@/server/supervisor/child";
import { colorFor } from "@/server/supervisor/log-format";
import { buildWeb, webBuildIsStale } from "@/server/supervisor/build";
import { migrate } from "./migrate";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Children inherit it: the web tier serves the production build unless --dev.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
const config = env();
const useColor = process.stdout.isTTY || Boolean(process.env.FORCE_COLOR);
const masterHost = config.CHAT_MASTER_HOST ?? "127.0.0.1";
const slaveHost = config.CHAT_SLAVE_HOST ?? "127.0.0.1";
const mediaHost = config.MEDIA_HOST ?? "127.0.0.1";
const masterUrl = config.CHAT_MASTER_URL ?? `http://${masterHost}:${config.CHAT_MASTER_PORT}`;
const browserUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

function printer(name: string, index: number): (line: string) => void {
  const paint = colorFor(index, useColor);
  const prefix = paint(`[${name}]`.padEnd(10));
  return (line) => process.stdout.write(`${prefix} ${line}\n`);
}
const say = printer("onair", 7);

function plan(): { specs: TTierSpec[]; ports: TPortClaim[] } {
  const shared = { DATABASE_URL: config.DATABASE_URL, CHAT_MASTER_URL: masterUrl, PUBLIC_URL: browserUrl };
  const specs: TTierSpec[] = [
    {
      name: "master",
      script: "server/chat/master/main.ts",
      env: { ...shared, ONAIR_ROLE: "master", CHAT_MASTER_HOST: masterHost },
    },
  ];
  const ports: TPortClaim[] = [
    { port: config.PORT, host: config.HOST, variable: "PORT", tier: "web" },
    { port: config.CHAT_MASTER_PORT, host: masterHost, variable: "CHAT_MASTER_PORT", tier: "chat master" },
  ];
  /** Tier nodes `<prefix>-1`… on consecutive ports from `basePort`; `env` tells each its id, port and URL. */
  const numberedNodes = (
    tier: {
      count: number;
      basePort: number;
      host: string;
      name: string;
      prefix: string;
      script: string;
      portVariable: string;
    },
    env: (nodeId: string, port: number, url: string) => Record<string, string>,
  ) => {
    for (let i = 0; i < tier.count; i++) {
      const port = tier.basePort + i;
      const nodeId = `${tier.prefix}-${i + 1}`;
      const url = `http://${tier.host === "0.0.0.0" ? "127.0.0.1" : tier.host}:${port}`;
      specs.push({ name: nodeId, script: tier.script, env: { ...shared, ...env(nodeId, port, url) } });
      ports.push({ port, host: tier.host, variable: tier.portVariable, tier: `${tier.name} ${nodeId}` });
    }
  };
  numberedNodes(
    {
      count: config.CHAT_SLAVES,
      basePort: config.CHAT_SLAVE_BASE_PORT,
      host: slaveHost,
      name: "chat",
      prefix: "slave",
      script: "server/chat/slave/main.ts",
      portVariable: "CHAT_SLAVE_BASE_PORT",
    },
    (nodeId, port, url) => ({
      ONAIR_ROLE: "slave",
      CHAT_NODE_ID: nodeId,
      CHAT_SLAVE_PORT: String(port),
      CHAT_SLAVE_HOST: slaveHost,
      CHAT_SLAVE_PUBLIC_URL: url,
    }),
  );
  numberedNodes(
    {
      count: config.MEDIA_NODES,
      basePort: config.MEDIA_BASE_PORT,
      host: mediaHost,
      name: "media",
      prefix: "media",
      script: "server/media/node/main.ts",
      portVariable: "MEDIA_BASE_PORT",
    },
    (nodeId, port, url) => ({
      ONAIR_ROLE: "media",
      MEDIA_NODE_ID: nodeId,
      MEDIA_PORT: String(port),
      MEDIA_HOST: mediaHost,
      MEDIA_NODE_URL: url,
    }),
  );
  specs.push({
    name: "web",
    script: "server/web/main.ts",
    args: dev ? ["--dev"] : [],
    env: { ...shared, ONAIR_ROLE: "web" },
  });
  if (config.DEMO_LIVE_SOURCE === "on") {
    // The demo show's generated picture and tone, through the real ingest (DEMO_LIVE_SOURCE=off in production).
    const webUrl = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${config.PORT}`;
    specs.push({
      name: "demo",
      script: "server/media/demo-source/main.ts",
      env: { ...shared, ONAIR_ROLE: "demo", DEMO_WEB_URL: webUrl },
    });
  }
  return { specs, ports };
}

async function waitForWeb(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${config.PORT}/api/health`);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const { specs, ports } = plan();
  const taken = await findTakenPort(ports);
  if (taken) {
    console.error(taken);
    process.exit(1);
  }

  say("applying database migrations");
  migrate();
  const { seedIfEmpty } = await import("./seed");
  if (await seedIfEmpty())
    say("seeded demo data (admin@onair.test, seller@onair.test, shopper@onair.test; password onair-demo)");

  if (!dev && webBuildIsStale()) {
    say("building the web tier (first start or sources changed; about a minute)…");
    await buildWeb(printer("build", 6));
  }

  const tiers = specs.map((spec, i) => new SupervisedTier(spec, printer(spec.name, i)));
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping every tier…`);
    await Promise.all(tiers.map((t) => t.stop()));
    say("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stopAll("SIGINT"));
  process.on("SIGTERM", () => void stopAll("SIGTERM"));

  tiers.forEach((t) => t.start());
  if (await waitForWeb(dev ? 120_000 : 60_000)) {
    say(`OnAir is ready: open ${browserUrl}`);
  } else {
    say(`the web tier is not answering yet; watch the [web] lines above (it will be at ${browserUrl})`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
