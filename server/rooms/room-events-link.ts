import { z } from "zod";
import { env, masterUrls } from "@/server/env";
import { createLogger } from "@/server/log";
import { INTERNAL_HEADER } from "@/server/chat/internal-auth";
import { roomChanged, setLinkUp } from "@/server/rooms/room-cache";

const log = createLogger("web:room-events");
const ZEvent = z.object({ roomId: z.string().min(1).max(100) });
/** The master pings every 10 s: three missed pings and the link is treated as dead. */
const SILENCE_MS = 30_000;
const RETRY_MS = 1000;

/**
 * Keeps this web process subscribed to the chat master's room changes (`GET /internal/events`), so its
 * cached room JSON and page shells drop a room the moment any process changed it. While the link is down
 * the cache trusts nothing older than 1 s; on every (re)connection it forgets everything, since changes may
 * have been missed meanwhile. Returns a stop function.
 */
export function startRoomEventsLink(options: { urls?: string[]; secret?: string } = {}): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let attempt = 0;

  async function connectOnce(url: string): Promise<void> {
    controller = new AbortController();
    const abort = controller;
    let watchdog = setTimeout(() => abort.abort(), SILENCE_MS);
    try {
      const res = await fetch(`${url}/internal/events`, {
        headers: { [INTERNAL_HEADER]: options.secret ?? env().INTERNAL_SECRET },
        signal: abort.signal,
      });
      if (res.status !== 200 || !res.body) throw new Error(`master answered ${res.status}`);
      setLinkUp(true);
      roomChanged(null);
      log.info({ url }, "room change stream connected");
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => abort.abort(), SILENCE_MS);
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split("\n")) {
            if (!line.startsWith("data: ")) continue;
            let json: unknown = null;
            try {
              json = JSON.parse(line.slice(6));
            } catch {
              // fall through to the schema check
            }
            const event = ZEvent.safeParse(json);
            if (event.success) roomChanged(event.data.roomId);
            else log.warn({ line: line.slice(0, 200) }, "ignored a malformed room change");
          }
        }
        if (buffer.length > 64 * 1024) throw new Error("room change frame too large");
      }
    } finally {
      clearTimeout(watchdog);
      setLinkUp(false);
    }
  }

  async function loop(): Promise<void> {
    const urls = options.urls ?? masterUrls();
    while (!stopped) {
      const url = urls[attempt % urls.length] ?? urls[0];
      attempt++;
      try {
        if (url) await connectOnce(url);
      } catch (err) {
        if (!stopped) log.debug({ err: (err as Error).message, url }, "room change stream unavailable");
      }
      if (!stopped) await new Promise((r) => setTimeout(r, RETRY_MS).unref());
    }
  }

  void loop();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
