import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ChatClient, type TChatNodeRef } from "@/lib/chat/client";
import { migrate, sqlitePath } from "@/scripts/migrate";
import { seedIfEmpty } from "@/scripts/seed";
import { createSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { assignNode, configureControlClient } from "@/server/chat/control-client";
import { freePortOn, killProc, spawnTsx, waitHealthy, type TNodeProc } from "@/server/test/node-process";
import { waitFor } from "@/server/test/wait-for";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * `prisma migrate deploy` costs seconds: migrate one template per migration set, then copy it for each
 * test file's fresh DB.
 */
export function prepareDatabase(): void {
  if (!(process.env.DATABASE_URL ?? "").startsWith("file:")) {
    migrate(); // PostgreSQL: fresh-db.ts created an empty database for this file
    return;
  }
  const dir = path.join(ROOT, "prisma/migrations");
  const hash = createHash("sha1");
  for (const name of readdirSync(dir).sort()) {
    const sql = path.join(dir, name, "migration.sql");
    hash.update(name).update(existsSync(sql) ? readFileSync(sql) : "");
  }
  const template = path.join(os.tmpdir(), `onair-chat-template-${hash.digest("hex").slice(0, 12)}.db`);
  const url = process.env.DATABASE_URL ?? "";
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.tmp`;
    process.env.DATABASE_URL = `file:${building}`;
    try {
      migrate();
    } finally {
      process.env.DATABASE_URL = url;
    }
    // WAL content lives beside the file until a checkpoint: fold it in before the copy is shared.
    const sqlite = new Database(building);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    renameSync(building, template);
  }
  copyFileSync(template, sqlitePath(url));
}

type TProc = TNodeProc & { port: number };

function spawnNode(proc: TProc, file: string, extraEnv: Record<string, string>): void {
  spawnTsx(proc, file, {
    ...process.env,
    LOG_LEVEL: process.env.CHAT_TEST_LOG_LEVEL ?? "warn",
    ...extraEnv,
  });
}

const HEALTHY_WITHIN_MS = 45_000;

export type TTestUser = { id: string; token: string; name: string };

/** A master and N slaves as real child processes on free ports, sharing a fresh SQLite DB. */
export class Cluster {
  readonly users: Record<"admin" | "seller" | "shopper" | "shopper2", TTestUser>;

  private constructor(
    readonly master: TProc,
    readonly slaves: TProc[],
    readonly roomId: string,
    readonly sellerId: string,
    users: Record<"admin" | "seller" | "shopper" | "shopper2", TTestUser>,
  ) {
    this.users = users;
  }

  /** Migrates and seeds the DB of fresh-db.ts, starts everything and waits until every slave is registered. */
  static async start(slaveCount = 3): Promise<Cluster> {
    prepareDatabase();
    await seedIfEmpty();
    const room = await db.room.findUniqueOrThrow({
      where: { slug: "demo-live" },
      select: { id: true, sellerId: true },
    });
    const user = async (email: string): Promise<TTestUser> => {
      const u = await db.user.findUniqueOrThrow({ where: { email } });
      return { id: u.id, name: u.name, token: (await createSession(u.id)).token };
    };
    const users = {
      admin: await user("admin@onair.test"),
      seller: await user("seller@onair.test"),
      shopper: await user("shopper@onair.test"),
      shopper2: await user("shopper2@onair.test"),
    };
    const master: TProc = { name: "master", port: await freePortOn("127.0.0.1"), child: null, output: [] };
    const slaves: TProc[] = [];
    for (let i = 0; i < slaveCount; i++)
      slaves.push({ name: `node-${i + 1}`, port: await freePortOn("127.0.0.1"), child: null, output: [] });
    const cluster = new Cluster(master, slaves, room.id, room.sellerId, users);
    configureControlClient({ url: cluster.masterUrl, secret: process.env.INTERNAL_SECRET ?? "" });
    await Promise.all([cluster.startMaster(), ...slaves.map((_, i) => cluster.startSlave(i))]);
    await cluster.waitForSlaves(slaveCount);
    return cluster;
  }

  get masterUrl(): string {
    return `http://127.0.0.1:${this.master.port}`;
  }

  slaveUrl(i: number): string {
    return `http://127.0.0.1:${this.slave(i).port}`;
  }

  nodeId(i: number): string {
    return this.slave(i).name;
  }

  private slave(i: number): TProc {
    const s = this.slaves[i];
    if (!s) throw new Error(`no slave ${i}`);
    return s;
  }

  async startMaster(): Promise<void> {
    spawnNode(this.master, "server/chat/master/main.ts", {
      CHAT_MASTER_PORT: String(this.master.port),
      CHAT_MASTER_HOST: "127.0.0.1",
    });
    await waitHealthy(this.master, this.masterUrl, { timeoutMs: HEALTHY_WITHIN_MS });
  }

  async startSlave(i: number): Promise<void> {
    const s = this.slave(i);
    spawnNode(s, "server/chat/slave/main.ts", {
      CHAT_SLAVE_PORT: String(s.port),
      CHAT_NODE_ID: s.name,
      CHAT_SLAVE_PUBLIC_URL: this.slaveUrl(i),
      CHAT_MASTER_URL: this.masterUrl,
    });
    await waitHealthy(s, this.slaveUrl(i), { timeoutMs: HEALTHY_WITHIN_MS });
  }

  stopMaster(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return killProc(this.master, signal);
  }

  stopSlave(i: number, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return killProc(this.slave(i), signal);
  }

  /** Exit code of a process's last run (null when a signal killed it). */
  exitCode(name: string): number | null | undefined {
    return [this.master, ...this.slaves].find((p) => p.name === name)?.exitCode;
  }

  /** Waits until the master lists `count` live slaves. */
  async waitForSlaves(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const res = await fetch(`${this.masterUrl}/health`);
        const health = (await res.json()) as { connections: number };
        if (health.connections === count) return;
      } catch {
        // master restarting
      }
      if (Date.now() > deadline) throw new Error(`master never saw ${count} slaves\n${this.logs()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A new signed-in user (fresh rate-limit and slow-mode budgets). */
  async newUser(name: string, role: "SHOPPER" | "SELLER" | "ADMIN" = "SHOPPER"): Promise<TTestUser> {
    const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@onair.test`;
    const u = await db.user.create({ data: { email, name, role, passwordHash: "x" } });
    return { id: u.id, name, token: (await createSession(u.id)).token };
  }

  /** The demo room's first listed product. */
  async firstProductId(): Promise<string> {
    const listing = await db.roomProduct.findFirstOrThrow({
      where: { roomId: this.roomId },
      orderBy: { position: "asc" },
    });
    return listing.productId;
  }

  /** A browser-like client that starts on slave `home` and, when it loses it, asks the master for another. */
  browser(home: number, token?: string): ChatClient {
    let first = true;
    const resolveNode = async (exclude: string[]): Promise<TChatNodeRef> => {
      if (first) {
        first = false;
        return { nodeId: this.nodeId(home), url: this.slaveUrl(home) };
      }
      return assignNode(this.roomId, exclude);
    };
    return new ChatClient({ roomId: this.roomId, token, resolveNode }).start();
  }

  /** Polls `probe` (every 50 ms) until it holds; on timeout the error carries every process's output. */
  async until(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    try {
      await waitFor(probe, timeoutMs, what, 50);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${this.logs()}`);
    }
  }

  logs(): string {
    return [this.master, ...this.slaves].map((p) => `--- ${p.name}\n${p.output.join("")}`).join("\n");
  }

  async stop(): Promise<void> {
    await Promise.all([this.master, ...this.slaves].map((p) => killProc(p, "SIGTERM")));
    await db.$disconnect();
    const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
    if (file.startsWith("/tmp/"))
      for (const suffix of ["", "-wal", "-shm", ".master-lease", ".master-lease-journal"])
        rmSync(`${file}${suffix}`, { force: true });
  }
}
