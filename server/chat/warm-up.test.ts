import "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import type { Logger } from "@/server/log";
import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { warmUpChatQueries } from "@/server/chat/warm-up";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

function fakeLog() {
  const log = { debug: vi.fn(), warn: vi.fn() };
  return { log, asLogger: log as unknown as Logger };
}

describe("the chat tier's query warm-up", () => {
  it("runs the join-time reads once and changes nothing", async () => {
    const { log, asLogger } = fakeLog();
    await warmUpChatQueries(asLogger);
    expect(log.debug).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: "done" }),
      "chat queries warmed up",
    );
    expect(log.warn).not.toHaveBeenCalled();
    expect(await db.room.count()).toBe(0);
    expect(await db.chatMessage.count()).toBe(0);
  });

  it("logs a failing database and lets the node start anyway", async () => {
    const { log, asLogger } = fakeLog();
    const broken = vi.spyOn(db.room, "findUnique").mockRejectedValueOnce(new Error("database is down"));
    await expect(warmUpChatQueries(asLogger)).resolves.toBeUndefined();
    expect(broken).toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = log.warn.mock.calls[0] as [{ err: Error }, string];
    expect(message).toBe("chat query warm-up failed");
    expect(fields.err.message).toBe("database is down");
    broken.mockRestore();
  });
});
