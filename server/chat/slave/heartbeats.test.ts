import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeartbeatWheel } from "@/server/chat/slave/heartbeats";

// Short intervals so a test sees several pings; the slave uses 10 s and 5 s.
const PING_INTERVAL_MS = 400;
const PING_TIMEOUT_MS = 300;

let io: Server;
let wheel: HeartbeatWheel;
let port = 0;
const reasons: string[] = [];

beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  wheel = new HeartbeatWheel(io, { pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  io.on("connection", (socket) => socket.on("disconnect", (reason) => reasons.push(reason)));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  port = (http.address() as AddressInfo).port;
});

afterAll(async () => {
  wheel.close();
  await new Promise<void>((resolve) => void io.close(() => resolve()));
});

const pings = (client: ClientSocket, count: number) =>
  new Promise<void>((resolve) => {
    let seen = 0;
    client.io.on("ping", () => void (++seen === count && resolve()));
  });

describe("heartbeat wheel", () => {
  it("pings every socket on the server's interval, and a client that answers stays connected", async () => {
    const clients = Array.from({ length: 12 }, () =>
      connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false, forceNew: true }),
    );
    await Promise.all(clients.map((c) => new Promise((resolve) => c.once("connect", () => resolve(null)))));
    expect(wheel.size).toBe(12);
    // Three pings each: well past pingInterval + pingTimeout, after which engine.io clients give up on a server.
    await Promise.all(clients.map((c) => pings(c, 3)));
    expect(clients.every((c) => c.connected)).toBe(true);
    clients.forEach((c) => c.close());
  });

  it("drops a socket that does not answer a ping, with engine.io's reason", async () => {
    // A bare Engine.IO v4 client that joins the namespace and then never answers.
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    const received: string[] = [];
    ws.on("message", (data: Buffer) => {
      const text = data.toString();
      received.push(text);
      if (text.startsWith("0")) ws.send("40");
    });
    await new Promise((resolve) => ws.once("close", resolve));
    expect(received).toContain("2");
    expect(reasons).toContain("ping timeout");
  });

  it("forgets closed sockets", async () => {
    const serverSide = new Promise<Socket>((resolve) => io.once("connection", resolve));
    const client = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false });
    const socket = await serverSide;
    const before = wheel.size;
    const gone = new Promise((resolve) => socket.conn.once("close", resolve));
    client.close();
    await gone;
    expect(wheel.size).toBe(before - 1);
  });
});
