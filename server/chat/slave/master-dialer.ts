import { io as connect, type Socket } from "socket.io-client";
import type { MasterToSlaveEvents, SlaveToMasterEvents } from "@/lib/chat/events";

type TLinkSocket = Socket<MasterToSlaveEvents, SlaveToMasterEvents>;

/** After a full round of masters without success, wait this long (doubling) before the next round. */
const ROUND_DELAY_MS = 100;
const ROUND_DELAY_MAX_MS = 500;
/** Between masters within a round: almost at once, the next one is probably the new active master. */
const NEXT_URL_DELAY_MS = 20;
const CONNECT_TIMEOUT_MS = 2000;

/**
 * Keeps one Socket.IO link to whichever of several masters accepts it. Any failure (refused, STANDBY,
 * timeout) or lost link moves on to the next URL; a full round without success backs off 100 → 500 ms.
 * With one URL this is plain reconnection. Each attempt is a fresh socket handed to `wire` before it connects.
 */
export class MasterDialer {
  private index = 0;
  private failuresInRow = 0;
  private socket: TLinkSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly urls: string[],
    private readonly auth: Record<string, string>,
    private readonly wire: (socket: TLinkSocket) => void,
  ) {
    if (urls.length === 0) throw new Error("no master URL");
  }

  get currentUrl(): string {
    return this.urls[this.index % this.urls.length] ?? "";
  }

  start(): void {
    this.dial();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  private dial(): void {
    if (this.closed) return;
    const socket: TLinkSocket = connect(this.currentUrl, {
      auth: this.auth,
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    this.socket = socket;
    this.wire(socket);
    socket.on("connect", () => {
      this.failuresInRow = 0;
    });
    socket.on("connect_error", () => this.next(socket));
    socket.on("disconnect", () => this.next(socket));
  }

  private next(socket: TLinkSocket): void {
    if (this.socket !== socket || this.closed) return;
    // Listeners stay (the link's own disconnect handler has run); the socket is simply dropped.
    socket.close();
    this.socket = null;
    this.index = (this.index + 1) % this.urls.length;
    this.failuresInRow += 1;
    const rounds = Math.floor(this.failuresInRow / this.urls.length);
    const delay =
      this.failuresInRow % this.urls.length !== 0
        ? NEXT_URL_DELAY_MS
        : Math.min(ROUND_DELAY_MAX_MS, ROUND_DELAY_MS * 2 ** Math.max(0, rounds - 1)) * (0.8 + Math.random() * 0.4);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dial();
    }, delay);
  }
}
