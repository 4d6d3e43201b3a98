import { describe, expect, it } from "vitest";
import { Decoder, Encoder, PacketType, type Packet } from "socket.io-parser";
import { EncodedJson, slaveParser } from "@/server/chat/slave/encoded-json";

/** What a client's parser makes of the encoded text. */
function decode(encoded: unknown[]): Packet {
  expect(encoded).toHaveLength(1);
  const decoder = new Decoder();
  let out: Packet | null = null;
  decoder.on("decoded", (p: Packet) => (out = p));
  decoder.add(encoded[0]);
  return out!;
}

const history = [
  { id: "m1", text: 'quote " and \\ and ünïcode', createdAt: "2026-12-08T00:00:00.000Z" },
  { id: "m2", text: "second", createdAt: "2026-12-08T00:00:01.000Z" },
];

describe("the slave's Socket.IO encoder", () => {
  const encoder = new slaveParser.Encoder();

  it("sends a join ack with encoded history as the same ack a client would decode from the stock encoder", () => {
    const ack = { ok: true, nodeId: "slave-1", separated: false, state: { viewers: 3 } };
    const ours = decode(
      encoder.encode({
        type: PacketType.ACK,
        nsp: "/",
        id: 7,
        data: [{ ...ack, history: new EncodedJson(JSON.stringify(history)) }],
      }),
    );
    const stock = decode(
      new Encoder().encode({ type: PacketType.ACK, nsp: "/", id: 7, data: [{ ...ack, history }] }),
    );
    expect(ours).toEqual(stock);
    expect(ours.data).toEqual([{ ...ack, history }]);
  });

  it("keeps a namespace and an ack with nothing else", () => {
    const packet = decode(
      encoder.encode({
        type: PacketType.ACK,
        nsp: "/admin",
        id: 0,
        data: [{ history: new EncodedJson("[]") }],
      }),
    );
    expect(packet).toMatchObject({ type: PacketType.ACK, nsp: "/admin", id: 0, data: [{ history: [] }] });
  });

  it("encodes every other packet exactly as socket.io-parser does", () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: "/", data: ["chat:message", history[0]] },
      { type: PacketType.ACK, nsp: "/", id: 3, data: [{ ok: true, history }] },
      { type: PacketType.CONNECT, nsp: "/", data: { sid: "abc" } },
      { type: PacketType.EVENT, nsp: "/", data: ["bin", Buffer.from([1, 2])] },
    ];
    for (const p of packets) expect(encoder.encode(p)).toEqual(new Encoder().encode(p));
  });
});
