"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ChatClient, type TChatStatus } from "@/lib/chat/client";
import type { TMessage, TRestriction, TRole, TRoomState, TSendAck } from "@/lib/chat/protocol";
import { request } from "@/lib/api/request";

export type TChatUser = { id: string; name: string; role: TRole };
type TTicket = { token: string | null; user: TChatUser | null };

/** The panel keeps this many recent messages on screen; older ones scroll out of memory too. */
const MAX_VISIBLE = 300;

/** Room-level events for other panels of the page (the product panel may follow stock and pins). */
export const CHAT_STATE_EVENT = "onair:chat-state";
export const PRODUCT_UPDATE_EVENT = "onair:product-update";
export const AUCTION_UPDATE_EVENT = "onair:auction-update";
export const GIVEAWAY_UPDATE_EVENT = "onair:giveaway-update";
export const LIKE_COUNT_EVENT = "onair:like-count";

/** The page's live connection per room, for panels that send on it (bids, hearts) without a second socket. */
const liveClients = new Map<string, ChatClient>();
export const chatClientFor = (roomId: string): ChatClient | null => liveClients.get(roomId) ?? null;

async function fetchTicket(): Promise<TTicket> {
  // Offline or the web tier is restarting: read as a guest; the page can be reloaded to sign in.
  return request<TTicket>("GET", "/api/chat/ticket").catch(() => ({ token: null, user: null }));
}

/**
 * One room's live chat for a React panel: fetches the handshake ticket, runs a ChatClient, and exposes its
 * messages (batched to one render per frame), room state, connection status and this user's restriction.
 */
export function useChatRoom(roomId: string) {
  const [messages, setMessages] = useState<TMessage[]>([]);
  const [state, setState] = useState<TRoomState | null>(null);
  const [status, setStatus] = useState<TChatStatus>("connecting");
  const [nodeId, setNodeId] = useState<string | null>(null);
  /** undefined while the ticket is loading; null for a guest. */
  const [me, setMe] = useState<TChatUser | null | undefined>(undefined);
  const [restriction, setRestriction] = useState<TRestriction | null>(null);
  const clientRef = useRef<ChatClient | null>(null);

  useEffect(() => {
    let cancelled = false;
    let client: ChatClient | null = null;
    let frame: number | null = null;
    const offs: (() => void)[] = [];
    const flush = () => {
      frame = null;
      if (client) setMessages(client.messages().slice(-MAX_VISIBLE));
    };
    const schedule = () => {
      frame ??= window.requestAnimationFrame(flush);
    };

    void fetchTicket().then((ticket) => {
      if (cancelled) return;
      setMe(ticket.user);
      // A ticket lives two minutes: every later connection fetches a fresh one.
      let first: string | null | undefined = ticket.token;
      const getToken = async () => {
        if (first !== undefined) {
          const t = first;
          first = undefined;
          return t;
        }
        return ticket.user ? (await fetchTicket()).token : null;
      };
      client = new ChatClient({ roomId, getToken });
      clientRef.current = client;
      liveClients.set(roomId, client);
      offs.push(
        client.on("message", schedule),
        client.on("deleted", schedule),
        client.on("state", (s) => {
          setState(s);
          window.dispatchEvent(new CustomEvent(CHAT_STATE_EVENT, { detail: s }));
        }),
        client.on("product", (u) =>
          window.dispatchEvent(new CustomEvent(PRODUCT_UPDATE_EVENT, { detail: u })),
        ),
        client.on("restriction", setRestriction),
        client.on("auction", (a) =>
          window.dispatchEvent(new CustomEvent(AUCTION_UPDATE_EVENT, { detail: a })),
        ),
        client.on("giveaway", (g) =>
          window.dispatchEvent(new CustomEvent(GIVEAWAY_UPDATE_EVENT, { detail: g })),
        ),
        client.on("likes", (l) => window.dispatchEvent(new CustomEvent(LIKE_COUNT_EVENT, { detail: l }))),
        client.on("status", (s, info) => {
          setStatus(s);
          if (s === "connected" && info.nodeId) setNodeId(info.nodeId);
        }),
      );
      client.start();
    });

    return () => {
      cancelled = true;
      for (const off of offs) off();
      if (frame !== null) window.cancelAnimationFrame(frame);
      if (client && liveClients.get(roomId) === client) liveClients.delete(roomId);
      client?.close();
      clientRef.current = null;
    };
  }, [roomId]);

  const send = useCallback(async (text: string): Promise<TSendAck> => {
    const client = clientRef.current;
    if (!client) return { ok: false, error: { code: "NOT_JOINED", message: "Chat is still connecting." } };
    const ack = await client.send(text);
    // Our own message is added on the ack; render it now rather than on the next event.
    if (ack.ok) setMessages(client.messages().slice(-MAX_VISIBLE));
    return ack;
  }, []);

  return { messages, state, status, nodeId, me, restriction, setRestriction, send };
}
