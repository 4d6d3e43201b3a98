import { connect } from "node:net";

/**
 * Sends raw request bytes (targets no HTTP client library sends) on a fresh connection to 127.0.0.1:port;
 * resolves with the status and the body as received once the server closes the connection.
 */
export function rawHttp(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (c: Buffer) => (data += c.toString()));
    socket.on("close", () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0),
        body: data.split("\r\n\r\n")[1] ?? "",
      }),
    );
    socket.on("error", () => undefined);
    socket.write(text);
  });
}
