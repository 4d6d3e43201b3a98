/**
 * Typed Socket.IO event maps, declared once: slaves use them in `new Server<...>()`, browsers in `Socket<...>`,
 * and the master/slave link in its own Server/Socket pair.
 */
import type {
  TDeleted,
  TJoinAck,
  TJoinRequest,
  TLeaveAck,
  TLeaveRequest,
  TMessage,
  TProductUpdate,
  TRestriction,
  TRole,
  TRoomState,
  TSendAck,
  TSendRequest,
} from "@/lib/chat/protocol";
import type { TMasterToSlave, TSlaveToMaster } from "@/lib/chat/node-protocol";
import type { TBidAck, TEnterAck, TLikeTap } from "@/lib/chat/engage-protocol";
import type { TEnterGiveawayRequest, TGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";
import type { TAuctionUpdate, TBidRequest } from "@/lib/auctions/auction-schemas";
import type { TLikeCount } from "@/lib/chat/room-events";

/** Browser/app → slave. Every event takes an acknowledgement. */
export interface ClientToServerEvents {
  "room:join": (req: TJoinRequest, ack: (res: TJoinAck) => void) => void;
  "room:leave": (req: TLeaveRequest, ack?: (res: TLeaveAck) => void) => void;
  "chat:send": (req: TSendRequest, ack: (res: TSendAck) => void) => void;
  "auction:bid": (req: TBidRequest, ack: (res: TBidAck) => void) => void;
  "giveaway:enter": (req: TEnterGiveawayRequest, ack: (res: TEnterAck) => void) => void;
  /** No ack: taps are fire-and-forget and coalesced. */
  "like:tap": (req: TLikeTap) => void;
}

/** Slave → browser/app. */
export interface ServerToClientEvents {
  "chat:message": (message: TMessage) => void;
  /** Several messages in one frame, in order: exactly as that many `chat:message` events. */
  "chat:messages": (messages: TMessage[]) => void;
  "chat:deleted": (event: TDeleted) => void;
  "room:state": (state: TRoomState) => void;
  "product:update": (update: TProductUpdate) => void;
  /** This user's own mute/ban in the room, on join and whenever it changes ("you are muted until 14:05"). */
  "chat:restriction": (restriction: TRestriction) => void;
  "auction:update": (update: TAuctionUpdate) => void;
  "like:count": (count: TLikeCount) => void;
  "giveaway:update": (update: TGiveawayUpdate) => void;
}

/** Slave → master on the internal link: one discriminated union on one event. */
export interface SlaveToMasterEvents {
  node: (msg: TSlaveToMaster) => void;
}

/** Master → slave on the internal link. */
export interface MasterToSlaveEvents {
  node: (msg: TMasterToSlave) => void;
}

/** What a slave knows about a browser socket once its handshake is authenticated. */
export interface SocketData {
  user: { id: string; name: string; role: TRole } | null;
  /** The session this socket signed in with (SHA-256 of its token): signing out ends its sockets. */
  sessionId?: string;
}

/** What the master knows about a slave socket once its handshake is authenticated. */
export interface SlaveSocketData {
  nodeId: string;
  url: string;
}
