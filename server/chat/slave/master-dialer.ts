import { io as connect, type Socket } from "socket.io-client";
import type { MasterToSlaveEvents, SlaveToMasterEvents } from "@/lib/chat/events";

type TLinkSocket = Socket<MasterToSlaveEvents, SlaveToMasterEvents>;

/** After a round in which no master took us, wait this long (doubling per round) before the next. */
const ROUND_DELAY_MS = 100;
const ROUND_DELAY_MAX_MS = 500;
const CONNECT_TIMEOUT_MS = 2000;

/**
 * Keeps one Socket.IO link to whichever of several masters accepts it. Each round dials every URL at once:
 * the first to connect wins and the others are closed (a standby refuses with STANDBY, a dead one does not
 * answer), so a slow or dead master never delays reaching the active one. A lost link, or a round without a
 * winner, starts the next round after 100 → 500 ms. With one URL this is plain reconnection.
 */
export class MasterDialer {
  private link: TLinkSocket | null = null;
  private attempt: TLinkSocket[] = [];
  private rounds = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private url: string;

  constructor(
    private readonly urls: string[],
    private readonly auth: Record<string, string>,
    /** Called with a socket that has just connected (its `connect` event has fired). */
    private readonly onLink: (socket: TLinkSocket, url: string) => void,
    private readonly onRefused: (url: string, reason: string) => void = () => undefined,
  ) {
    if (urls.length === 0) throw new Error("no master URL");
    this.url = urls[0] ?? "";
  }

  /** The master of the current link, or the last one linked. */
  get currentUrl(): string {
    return this.url;
  }

  start(): void {
    this.round();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.attempt.forEach((s) => s.close());
    this.attempt = [];
    this.link?.close();
    this.link = null;
  }

  private round(): void {
    if (this.closed) return;
    let pending = this.urls.length;
    let won = false;
    this.attempt = this.urls.map((url) => {
      const socket: TLinkSocket = connect(url, {
        auth: this.auth,
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        timeout: CONNECT_TIMEOUT_MS,
      });
      socket.once("connect", () => {
        if (won || this.closed) return void socket.close();
        won = true;
        this.rounds = 0;
        this.attempt.filter((other) => other !== socket).forEach((other) => other.close());
        this.attempt = [];
        this.link = socket;
        this.url = url;
        socket.once("disconnect", () => {
          if (this.link !== socket) return;
          this.link = null;
          socket.close();
          this.schedule();
        });
        this.onLink(socket, url);
      });
      socket.once("connect_error", (err) => {
        socket.close();
        this.onRefused(url, err.message);
        pending -= 1;
        if (pending === 0 && !won) this.schedule();
      });
      return socket;
    });
  }

  private schedule(): void {
    if (this.closed) return;
    const delay =
      Math.min(ROUND_DELAY_MAX_MS, ROUND_DELAY_MS * 2 ** this.rounds) * (0.8 + Math.random() * 0.4);
    this.rounds += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.round();
    }, delay);
  }
}
