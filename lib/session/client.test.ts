import { afterEach, describe, expect, it, vi } from "vitest";
import { getMe } from "@/lib/session/client";

afterEach(() => vi.unstubAllGlobals());
const answer = (body: unknown) => vi.stubGlobal("fetch", vi.fn().mockResolvedValue(Response.json(body)));

describe("getMe (checked by hand: no zod in the header)", () => {
  it("reads a guest and a signed-in user", async () => {
    answer({ user: null, remindedRoomIds: [] });
    await expect(getMe()).resolves.toEqual({ user: null, remindedRoomIds: [] });
    const user = { id: "u1", name: "Ann", email: "ann@onair.test", role: "SHOPPER" };
    answer({ user, remindedRoomIds: ["r1"] });
    await expect(getMe()).resolves.toEqual({ user, remindedRoomIds: ["r1"] });
  });

  it("refuses an answer that is not one", async () => {
    answer({ user: { id: 1 }, remindedRoomIds: [] });
    await expect(getMe()).rejects.toThrow(/bad user/);
    answer({ user: null });
    await expect(getMe()).rejects.toThrow(/bad reminders/);
  });
});
