import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SupervisedTier } from "@/server/supervisor/child";
import { formatLine } from "@/server/supervisor/log-format";
import { findTakenPort } from "@/server/supervisor/ports";

const dir = mkdtempSync(path.join(tmpdir(), "onair-supervisor-"));
const servers: Server[] = [];

function listenOnFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      servers.push(server);
      resolve((server.address() as { port: number }).port);
    });
  });
}

afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe("findTakenPort", () => {
  it("names the taken port and the variable that moves it", async () => {
    const port = await listenOnFreePort();
    const message = await findTakenPort([
      { port, host: "127.0.0.1", variable: "CHAT_MASTER_PORT", tier: "chat master" },
    ]);
    expect(message).toContain(`Port ${port}`);
    expect(message).toContain("CHAT_MASTER_PORT");
  });

  it("answers null when every port is free", async () => {
    const port = await listenOnFreePort();
    servers.splice(0).forEach((s) => s.close());
    await new Promise((r) => setTimeout(r, 50));
    expect(await findTakenPort([{ port, host: "127.0.0.1", variable: "PORT", tier: "web" }])).toBeNull();
  });
});

describe("npm start", () => {
  it("exits non-zero with a clear message when the web port is taken", async () => {
    const port = await listenOnFreePort();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(dir, "unused.db")}` },
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} (web) is already in use`);
    expect(stderr).toContain("set PORT");
  });

  it("names MEDIA_BASE_PORT when a media node's port is taken", async () => {
    const taken = await listenOnFreePort();
    const free = [
      await listenOnFreePort(),
      await listenOnFreePort(),
      await listenOnFreePort(),
      await listenOnFreePort(),
    ];
    servers.splice(1).forEach((s) => s.close()); // keep only `taken` bound
    await new Promise((r) => setTimeout(r, 50));
    const [web, master, slaves] = free;
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        ...process.env,
        PORT: String(web),
        CHAT_MASTER_PORT: String(master),
        CHAT_SLAVE_BASE_PORT: String(slaves),
        CHAT_SLAVES: "1",
        MEDIA_BASE_PORT: String(taken),
        DATABASE_URL: `file:${path.join(dir, "unused.db")}`,
      },
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${taken} (media media-1) is already in use`);
    expect(stderr).toContain("set MEDIA_BASE_PORT");
  });
});

describe("SupervisedTier", () => {
  it("restarts a tier that crashes and stops it for good on stop()", async () => {
    const script = path.join(dir, "crashy.mjs");
    // Crashes on its first run (no marker file yet), then stays up.
    const marker = path.join(dir, "crashed-once");
    writeFileSync(
      script,
      `import { existsSync, writeFileSync } from "node:fs";
       if (!existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, "1"); console.log("boom"); process.exit(3); }
       console.log("steady"); setInterval(() => {}, 1000);`,
    );
    const lines: string[] = [];
    const tier = new SupervisedTier({ name: "crashy", script, env: {} }, (line) => lines.push(line));
    tier.start();
    const deadline = Date.now() + 15_000;
    while (!lines.includes("steady") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(lines).toContain("boom");
    expect(lines.some((l) => l.startsWith("exited (code 3); restarting"))).toBe(true);
    expect(lines).toContain("steady");
    await tier.stop();
  });
});

describe("formatLine", () => {
  it("renders pino JSON as level, message and extras", () => {
    const line = JSON.stringify({ level: 40, time: 1, pid: 2, msg: "slow relay", roomId: "r1" });
    expect(formatLine(line)).toBe('warn  slow relay {"roomId":"r1"}');
  });

  it("keeps plain lines as they are", () => {
    expect(formatLine("▲ Next.js 16")).toBe("▲ Next.js 16");
  });
});
