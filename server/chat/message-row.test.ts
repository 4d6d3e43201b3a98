import { describe, expect, it } from "vitest";
import { roleInRoom, toMessage, type TMessageRow } from "@/server/chat/message-row";

const row = (
  user: { id: string; name: string; role: "ADMIN" | "SELLER" | "SHOPPER" },
  sellerId: string,
): TMessageRow => ({
  id: 1,
  roomId: "room",
  clientId: "c",
  text: "hi",
  kind: "chat",
  nodeId: "n",
  createdAt: new Date(0),
  user,
  room: { sellerId },
});

describe("a message's badge says what is true in that room", () => {
  it("gives the host badge to this room's seller only", () => {
    expect(roleInRoom({ id: "host", role: "SELLER" }, "host")).toBe("SELLER");
    expect(roleInRoom({ id: "other-shop", role: "SELLER" }, "host")).toBe("SHOPPER");
    expect(roleInRoom({ id: "boss", role: "ADMIN" }, "host")).toBe("ADMIN");
    // Demoted: still the room's sellerId, no longer a seller.
    expect(roleInRoom({ id: "host", role: "SHOPPER" }, "host")).toBe("SHOPPER");
  });

  it("shows a look-alike seller from another shop as a viewer, with the bidi tricks removed from the name", () => {
    const m = toMessage(row({ id: "imposter", name: "\u202eDemo Seller", role: "SELLER" }, "host"));
    expect(m.user).toEqual({ id: "imposter", name: "Demo Seller", role: "SHOPPER" });
  });
});
