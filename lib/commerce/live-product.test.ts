import { describe, expect, it } from "vitest";
import {
  applyProductUpdate,
  currentPrice,
  runningDeal,
  type TLiveProduct,
} from "@/lib/commerce/live-product";
import { ZProductUpdate } from "@/lib/commerce/product-update.types";

const shirt: TLiveProduct = {
  id: "p1",
  name: "Linen Shirt",
  description: "",
  imageUrl: null,
  currency: "KRW",
  priceMinor: 39000,
  stock: 10,
  deal: null,
};

describe("live product model", () => {
  it("applies stock and deal changes to the right product only", () => {
    const other = { ...shirt, id: "p2" };
    const endsAt = new Date(Date.now() + 60_000).toISOString();
    const next = applyProductUpdate([shirt, other], {
      roomId: "r",
      productId: "p1",
      stock: 3,
      price: 29000,
      priceMinor: 39000,
      currency: "KRW",
      deal: { priceMinor: 29000, endsAt, limitPerBuyer: 2 },
      archived: false,
    });
    expect(next[0]).toMatchObject({ stock: 3, deal: { priceMinor: 29000 } });
    expect(next[1]).toBe(other);
    expect(currentPrice(next[0]!, Date.now())).toBe(29000);
  });

  it("drops archived products", () => {
    const u = ZProductUpdate.parse({
      roomId: "r",
      productId: "p1",
      stock: 0,
      price: 1,
      priceMinor: 1,
      currency: "KRW",
      deal: null,
      archived: true,
    });
    expect(applyProductUpdate([shirt], u)).toEqual([]);
  });

  it("uses the regular price once the deal has ended by the clock", () => {
    const ended = {
      ...shirt,
      deal: { priceMinor: 29000, endsAt: new Date(Date.now() - 1).toISOString(), limitPerBuyer: null },
    };
    expect(runningDeal(ended, Date.now())).toBeNull();
    expect(currentPrice(ended, Date.now())).toBe(39000);
  });

  it("uses the regular price once the show has ended, whatever the deal says", () => {
    const running = {
      ...shirt,
      deal: { priceMinor: 29000, endsAt: new Date(Date.now() + 60_000).toISOString(), limitPerBuyer: null },
    };
    expect(currentPrice(running, Date.now(), "LIVE")).toBe(29000);
    expect(runningDeal(running, Date.now(), "ENDED")).toBeNull();
    expect(currentPrice(running, Date.now(), "ENDED")).toBe(39000);
  });

  it("refuses an update without the commerce fields", () => {
    expect(ZProductUpdate.safeParse({ roomId: "r", productId: "p1", stock: -1, price: 1 }).success).toBe(
      false,
    );
  });
});
