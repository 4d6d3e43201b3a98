import { Decoder, Encoder, PacketType, protocol, type Packet } from "socket.io-parser";

/**
 * JSON encoded once and sent as is inside a Socket.IO ack: `room:join`'s history, the same 50 messages for
 * every join of a room until something in it changes. Encoding it per join was the largest share of a
 * slave's join in the arrival storm (socket.io-parser's JSON.stringify 6.6% of its busy time, its binary
 * scan 1.2%). The client receives exactly the array it would have: only the key order of the ack changes.
 */
export class EncodedJson {
  constructor(readonly json: string) {}
}

/** Acks whose first argument holds an `EncodedJson` under `key`, as the slave's encoder writes them. */
const SPLICED_KEYS = ["history"] as const;

function splicedKey(data: unknown): (typeof SPLICED_KEYS)[number] | null {
  if (!Array.isArray(data) || data.length !== 1) return null;
  const first: unknown = data[0];
  if (typeof first !== "object" || first === null) return null;
  for (const key of SPLICED_KEYS)
    if ((first as Record<string, unknown>)[key] instanceof EncodedJson) return key;
  return null;
}

/**
 * socket.io-parser's encoder, but an ack carrying `EncodedJson` is written around the encoded text (such
 * an ack carries no binary, so the binary scan is skipped too). Everything else is the stock encoding.
 */
class SlaveEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const key = packet.type === PacketType.ACK ? splicedKey(packet.data) : null;
    if (key === null) return super.encode(packet);
    const { [key]: encoded, ...rest } = (packet.data as [Record<string, unknown>])[0];
    const head = JSON.stringify(rest);
    const body = `${head.length > 2 ? `${head.slice(0, -1)},` : "{"}"${key}":${(encoded as EncodedJson).json}}`;
    const nsp = packet.nsp && packet.nsp !== "/" ? `${packet.nsp},` : "";
    return [`${PacketType.ACK}${nsp}${packet.id ?? ""}[${body}]`];
  }
}

/** The `parser` option of the slave's Socket.IO server. */
export const slaveParser = { protocol, Encoder: SlaveEncoder, Decoder };
