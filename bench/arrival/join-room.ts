/**
 * A storm arrival's chat join (bench:arrival, issue 16), spoken as Engine.IO 4 / Socket.IO 5 frames over one
 * WebSocket: open, connect to the main namespace, `room:join` with an ack id, wait for the server's ack,
 * disconnect. The slave sees what socket.io-client sends with `transports: ["websocket"]`; the bench skips
 * the client library's per-connection machinery (Manager, reconnection state, emitters, timers), which cost
 * the storm's single worker ~1.8 ms of CPU an arrival, more than the slave's own join on the same 2 cores.
 */
import WebSocket from "ws";

type TAck = { ok?: boolean; error?: { code?: string } };

/** Resolves once the slave at `url` acknowledged `room:join` for `roomId` with `ok`; rejects naming the step. */
export function joinRoom(url: string, roomId: string, timeoutMs = 30_000): Promise<void> {
  const endpoint = new URL("/socket.io/", url);
  endpoint.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";
  endpoint.search = "EIO=4&transport=websocket";
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(endpoint, { perMessageDeflate: false });
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) ws.terminate();
      else {
        // socket.io-client's `close()`: a DISCONNECT packet for the namespace, then the transport closes.
        ws.send("41");
        ws.close();
      }
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error("join timed out")), timeoutMs);
    ws.on("error", (err) => finish(new Error(`connect: ${err.message}`)));
    ws.on("close", () => finish(new Error("connect: closed before the join was acknowledged")));
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const frame = data.toString("utf8");
      // Engine.IO: 0 open, 2 ping (answered with 3 pong), 4 message carrying a Socket.IO packet.
      if (frame.startsWith("0")) return void ws.send("40");
      if (frame === "2") return void ws.send("3");
      if (!frame.startsWith("4")) return;
      // Socket.IO: 0 CONNECT (the namespace accepted us), 4 CONNECT_ERROR, 3 ACK (id 0: ours), 2 EVENT.
      const packet = frame.slice(1);
      if (packet.startsWith("0")) return void ws.send(`420${JSON.stringify(["room:join", { roomId }])}`);
      if (packet.startsWith("4")) return finish(new Error(`connect: ${packet.slice(1)}`));
      if (!packet.startsWith("30[")) return;
      const [ack] = JSON.parse(packet.slice(2)) as [TAck | undefined];
      if (ack?.ok === false) finish(new Error(`join refused ${ack.error?.code ?? ""}`));
      else if (ack?.ok === true) finish(null);
      else finish(new Error("join: unexpected acknowledgement"));
    });
  });
}
