import { describe, expect, it } from "vitest";
import {
  toGiveawayUpdate,
  ZEnterGiveawayRequest,
  ZGiveawayUpdate,
  type TGiveawayView,
} from "@/lib/giveaways/giveaway-schemas";

const view: TGiveawayView = {
  id: "g1",
  roomId: "r1",
  productId: "p1",
  productName: "Lamp",
  status: "RUNNING",
  entry: "ANY",
  entrants: 2,
  winner: null,
  endsAt: "2026-12-06T01:00:00.000Z",
  endedAt: null,
  orderId: null,
  cancelReason: null,
  createdAt: "2026-12-06T00:59:00.000Z",
};

describe("giveaway rules", () => {
  it("a browser accepts a real update and refuses malformed ones", () => {
    expect(ZGiveawayUpdate.safeParse(toGiveawayUpdate(view)).success).toBe(true);
    for (const bad of [
      null,
      "giveaway",
      {},
      { ...toGiveawayUpdate(view), status: "DRAWN" },
      { ...toGiveawayUpdate(view), entrants: -1 },
      { ...toGiveawayUpdate(view), entrants: 1.5 },
      { ...view },
    ])
      expect(ZGiveawayUpdate.safeParse(bad).success).toBe(false);
  });

  it("an entry names one giveaway id", () => {
    expect(ZEnterGiveawayRequest.parse({ giveawayId: "cm1abc_X-2" })).toEqual({ giveawayId: "cm1abc_X-2" });
    for (const bad of [{}, { giveawayId: "" }, { giveawayId: "a/b" }, { giveawayId: "x".repeat(65) }])
      expect(ZEnterGiveawayRequest.safeParse(bad).success).toBe(false);
  });
});
