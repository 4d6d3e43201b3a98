import { Agent, request } from "node:http";
import { connect } from "node:net";

/** Every request of the suite is answered within this (a blocking HLS reload waits 3 s at most). */
export const ANSWER_MS = 15_000;

export type TAnswer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};
export type TSend = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  token?: string;
};

/**
 * Sends the suite's inputs and keeps the verdict: how many were sent, and every one that got a 5xx, hung,
 * or broke a rule its caller states. Failures are collected (not thrown) so one run reports them all.
 */
export class Probe {
  sent = 0;
  readonly failures: string[] = [];
  readonly statuses = new Map<number, number>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 8 });

  constructor(readonly port: number) {}

  fail(what: string): void {
    if (this.failures.length < 200) this.failures.push(what);
  }

  /** One HTTP request to the web port (or `port`); a 5xx or no answer within ANSWER_MS is a failure. */
  async http(req: TSend, port = this.port): Promise<TAnswer> {
    this.sent += 1;
    const label = `${req.method ?? "GET"} ${req.path.slice(0, 120)} :${port}`;
    try {
      const answer = await send(req, port, this.agent);
      this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) this.fail(`${label} → ${answer.status} ${answer.body.slice(0, 200)}`);
      return answer;
    } catch (err) {
      this.fail(`${label} → no answer (${err instanceof Error ? err.message : String(err)})`);
      return { status: 0, headers: {}, body: "" };
    }
  }

  /** Raw bytes on a fresh connection (paths no client library would send); the status line, or 0 for none. */
  async raw(text: string | Buffer, port = this.port, label = String(text).slice(0, 80)): Promise<TAnswer> {
    this.sent += 1;
    const answer = await rawExchange(text, port);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500)
      this.fail(`raw ${JSON.stringify(label)} :${port} → ${answer.status} ${answer.body.slice(0, 200)}`);
    if (answer.status === -1)
      this.fail(`raw ${JSON.stringify(label)} :${port} → no answer within ${ANSWER_MS} ms`);
    return answer;
  }

  /** States a rule about an answer; a broken rule is a failure with `what` and the answer's start. */
  check(ok: boolean, what: string, answer?: TAnswer): void {
    if (!ok) this.fail(`${what}${answer ? ` (got ${answer.status} ${answer.body.slice(0, 160)})` : ""}`);
  }

  /** API answers 4xx as `{ error: { code, message } }` JSON (Next.js's own 405 has no body: documented). */
  checkApiError(answer: TAnswer, label: string): void {
    if (answer.status < 400 || answer.status === 405 || answer.status >= 500) return;
    let code: unknown;
    try {
      code = (JSON.parse(answer.body) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined;
    }
    this.check(
      typeof code === "string" && code.length > 0,
      `${label}: a ${answer.status} without the JSON error`,
      answer,
    );
  }

  close(): void {
    this.agent.destroy();
  }
}

function send(req: TSend, port: number, agent: Agent): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    const r = request(
      {
        host: "127.0.0.1",
        port,
        method: req.method ?? "GET",
        path: req.path,
        headers,
        agent,
        timeout: ANSWER_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          // Keep the start only: a segment or a page is not needed whole.
          if (size < 256 * 1024) chunks.push(c);
          size += c.length;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error(`no answer within ${ANSWER_MS} ms`)));
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Writes `text`, reads until the server closes (or ANSWER_MS), returns the parsed status line. */
export function rawExchange(text: string | Buffer, port: number): Promise<TAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (status?: number) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(all);
      const body = all.split("\r\n\r\n").slice(1).join("\r\n\r\n");
      // A server that closes without a status line (a reset on garbage) did answer: status 0.
      resolve({ status: status ?? (m ? Number(m[1]) : 0), headers: {}, body });
    };
    const timer = setTimeout(() => finish(-1), ANSWER_MS);
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // Keep-alive answers: enough once the headers and a declared body are in.
      const all = Buffer.concat(chunks).toString("latin1");
      const head = all.indexOf("\r\n\r\n");
      if (head < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(all.slice(0, head))?.[1];
      if (length !== undefined && all.length - head - 4 >= Number(length)) finish();
    });
    socket.on("end", () => finish());
    socket.on("close", () => finish());
    socket.on("error", () => finish());
    socket.write(text);
  });
}
