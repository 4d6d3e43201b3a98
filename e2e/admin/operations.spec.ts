/**
 * An admin at work against the whole system: bans a viewer from the room console (refused with BANNED on
 * every slave), drains a chat node from the overview (its clients keep chatting on the others and miss no
 * message), and finds both actions in the audit log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { ChatClient, type TChatNodeRef } from "../../lib/chat/client";
import type { TSendAck } from "../../lib/chat/protocol";
import { DEMO, signIn } from "../support/auth";
import { bearer, roomIdOf, signUp, tokenOf, type TAccount } from "./helpers";

test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3310);
const BASE = `http://localhost:${PORT}`;
const DRILL_PORT = PORT + 19;
const DRILL = `drill-${PORT}`;
let roomId = "";
let victim: TAccount;
let drill: ChildProcess | null = null;

type TNode = { nodeId: string; url: string };

async function nodes(request: APIRequestContext): Promise<TNode[]> {
  return (await (await request.get("/api/chat/nodes")).json()) as TNode[];
}

/** A raw Socket.IO client on one slave, joined to the show. */
async function joinOn(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  const ack = (await socket.timeout(5000).emitWithAck("room:join", { roomId })) as { ok: boolean };
  expect(ack.ok).toBe(true);
  return socket;
}

const send = (socket: Socket, text: string): Promise<TSendAck> =>
  socket.timeout(5000).emitWithAck("chat:send", {
    roomId,
    text,
    clientId: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  }) as Promise<TSendAck>;

test.beforeAll(async ({ request }) => {
  roomId = await roomIdOf(request, "demo-live");
  victim = await signUp(request, `Rowdy ${Date.now().toString(36)}`);
});

test.afterAll(async () => {
  if (drill && drill.exitCode === null) {
    const exited = new Promise((r) => drill?.once("exit", r));
    drill.kill("SIGTERM");
    await exited;
  }
});

test("an admin bans a viewer from the room console: refused with BANNED on every slave, and it is audited", async ({
  page,
  request,
}) => {
  const slaves = (await nodes(request)).filter((n) => !n.nodeId.startsWith("drill-"));
  expect(slaves.length).toBeGreaterThanOrEqual(2);
  const sockets = await Promise.all(slaves.map((n) => joinOn(n.url, victim.token)));
  // Unique per attempt: a retried run must not find the first attempt's message too.
  const helloText = `hello from a soon-banned viewer ${Date.now().toString(36)}`;
  const hello = await send(sockets[0]!, helloText);
  expect(hello.ok).toBe(true);

  await signIn(page, DEMO.admin.email, undefined, `/admin/rooms/${roomId}`);
  const staffChat = page.getByRole("region", { name: "Chat moderation" });
  // Relayed from the viewer's slave (a busy machine can make the master re-link its slaves first).
  await expect(staffChat.getByText(helloText)).toBeVisible({ timeout: 20_000 });

  const panel = page.getByRole("region", { name: "Mutes and bans" });
  const viewer = panel.getByLabel("Viewer");
  await expect(viewer.locator("option", { hasText: victim.name })).toBeAttached({ timeout: 10_000 });
  await viewer.selectOption({ label: victim.name });
  await panel.getByLabel("Action").selectOption("BAN");
  await panel.getByLabel("For").selectOption({ label: "1 hour" });
  await panel.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByRole("status")).toHaveText(`${victim.name} is banned from this show's chat.`);
  await expect(panel.getByRole("listitem").filter({ hasText: victim.name })).toContainText("Ban");

  // Pushed to every slave within a second: whichever slave the viewer uses refuses the next message.
  await expect
    .poll(
      async () =>
        Promise.all(
          sockets.map(async (s) => {
            const a = await send(s, "let me speak");
            return a.ok ? "ok" : a.error.code;
          }),
        ),
      { timeout: 3000 },
    )
    .toEqual(sockets.map(() => "BANNED"));

  const audit = page.getByRole("region", { name: "Who did what in this show" });
  const row = audit.getByRole("row").filter({ hasText: "sanction.add" }).filter({ hasText: victim.name });
  await expect(row).toContainText("OnAir Admin");
  await expect(row).toContainText("BAN 60 min");

  // Lifting it lets them chat again.
  await panel.getByRole("button", { name: `Lift Ban of ${victim.name}` }).click();
  await expect(panel.getByRole("status")).toHaveText(`${victim.name} may chat again.`);
  await expect
    .poll(
      async () => {
        const a = await send(sockets[1]!, "thanks");
        return a.ok ? "ok" : a.error.code;
      },
      { timeout: 3000 },
    )
    .toBe("ok");
  sockets.forEach((s) => s.disconnect());
});

test("an admin drains a chat node: its clients move to the others and keep chatting without losing a message", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // A third slave just for this drill, so the suite's two slaves stay as the other specs expect them.
  drill = spawn(process.execPath, ["--import", "tsx", "server/chat/slave/main.ts"], {
    env: {
      ...process.env,
      CHAT_SLAVE_PORT: String(DRILL_PORT),
      CHAT_NODE_ID: DRILL,
      CHAT_SLAVE_PUBLIC_URL: `http://127.0.0.1:${DRILL_PORT}`,
      CHAT_MASTER_URL: `http://127.0.0.1:${PORT + 10}`,
      // The suite's database, as playwright.config.ts chose it (PostgreSQL in CI's second pass).
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${PORT}.db`,
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await nodes(request)).map((n) => n.nodeId), { timeout: 20_000 })
    .toContain(DRILL);

  const admin = await tokenOf(request, DEMO.admin.email);
  // Speakers whose messages cross every chat group, whatever the show's separation is set to by other specs.
  const speaker = await signUp(request, `Host ${Date.now().toString(36)}`);
  const promote = await request.patch(`/api/admin/users/${speaker.id}`, {
    data: { role: "ADMIN" },
    headers: bearer(admin.token),
  });
  expect(promote.status(), await promote.text()).toBe(200);
  const mover = await signUp(request, `Mover ${Date.now().toString(36)}`);

  const moved: string[] = [];
  const client = (token: string | null, home: TNode | null) => {
    let first = true;
    const resolveNode = async (exclude: string[]): Promise<TChatNodeRef> => {
      if (first && home) {
        first = false;
        return home;
      }
      const query = exclude.length ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
      const res = await fetch(`${BASE}/api/rooms/${roomId}/chat-node${query}`);
      const node = (await res.json()) as TChatNodeRef;
      moved.push(node.nodeId);
      return node;
    };
    return new ChatClient({ roomId, token, resolveNode }).start();
  };
  const drillNode = { nodeId: DRILL, url: `http://127.0.0.1:${DRILL_PORT}` };
  const other = (await nodes(request)).find((n) => n.nodeId !== DRILL)!;
  const movers = [client(mover.token, drillNode), client(null, drillNode)];
  const host = client(speaker.token, other);
  await expect
    .poll(() => [...movers, host].map((c) => c.status))
    .toEqual(["connected", "connected", "connected"]);
  expect(movers.map((c) => c.nodeId)).toEqual([DRILL, DRILL]);

  await signIn(page, DEMO.admin.email, undefined, "/admin");
  const nodesRegion = page.getByRole("region", { name: "Chat nodes" });
  const row = nodesRegion.getByRole("row").filter({ hasText: DRILL });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Drain ${DRILL}` }).click();
  const dialog = page.getByRole("dialog", { name: `Drain ${DRILL}?` });
  await expect(dialog).toContainText("without losing a message");
  await dialog.getByRole("button", { name: "Drain node" }).click();
  await expect(nodesRegion.getByRole("status")).toContainText(`${DRILL} is draining`);

  // The host keeps talking while the movers are on their way.
  const said: string[] = [];
  for (let n = 0; n < 5; n++) {
    const ack = await host.send(`while draining #${n}`);
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    if (ack.ok) said.push(ack.message.id);
    await new Promise((r) => setTimeout(r, 300));
  }
  await expect(row).toContainText("Draining");
  await expect
    .poll(() => movers.map((c) => (c.status === "connected" ? c.nodeId : c.status)), { timeout: 15_000 })
    .not.toContain(DRILL);
  expect(moved.every((n) => n !== DRILL)).toBe(true);
  for (const c of movers) {
    await expect
      .poll(() => said.filter((id) => !c.messages().some((m) => m.id === id)), { timeout: 15_000 })
      .toEqual([]);
  }
  const after = await movers[0]!.send("still here after the move");
  expect(after.ok && after.message.nodeId).not.toBe(DRILL);
  await expect.poll(() => host.messages().some((m) => m.text === "still here after the move")).toBe(true);
  const health = (await (await fetch(`http://127.0.0.1:${DRILL_PORT}/health`)).json()) as {
    draining: boolean;
    connections: number;
  };
  expect(health).toMatchObject({ draining: true, connections: 0 });
  [...movers, host].forEach((c) => c.close());
});

test("the audit log shows the ban and the drain, filterable, with nothing to edit or delete", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, undefined, "/admin/audit");
  const log = page.getByRole("region", { name: "Audit log" });
  await log.getByLabel("Action").selectOption("node.drain");
  const drain = log.getByRole("row").filter({ hasText: DRILL });
  await expect(drain).toContainText("OnAir Admin");
  await expect(drain).toContainText("node.drain");
  await expect(log.getByRole("row").filter({ hasText: "sanction.add" })).toHaveCount(0);

  await log.getByLabel("Action").selectOption("sanction.add");
  const ban = log.getByRole("row").filter({ hasText: victim.name });
  await expect(ban).toContainText("BAN 60 min");
  await expect(ban).toContainText("Summer essentials with Mina");
  await expect(log.getByRole("button", { name: /edit|delete/i })).toHaveCount(0);
});
