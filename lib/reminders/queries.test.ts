import { afterEach, describe, expect, it, vi } from "vitest";
import { makeQueryClient } from "@/lib/api/query-client";
import { reminderQueries } from "@/lib/reminders/queries";
import type { TNotificationList } from "@/lib/reminders/reminder-schemas";

const LIST: TNotificationList = {
  unread: 1,
  notifications: [
    {
      id: "n1",
      kind: "SHOW_LIVE",
      createdAt: "2026-12-07T19:00:00.000Z",
      readAt: null,
      show: { id: "r1", slug: "demo", title: "Demo", status: "LIVE" },
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("the notifications query", () => {
  it("sends the ETag it holds and keeps its list when the answer is a 304", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(Response.json(LIST, { headers: { etag: '"v1"' } }))
      .mockResolvedValueOnce(new Response(null, { status: 304 }));
    vi.stubGlobal("fetch", fetch);
    const client = makeQueryClient();
    const query = reminderQueries.notifications();

    const first = await client.fetchQuery(query);
    const second = await client.fetchQuery({ ...query, staleTime: 0 });

    expect(first).toEqual({ list: LIST, etag: '"v1"' });
    expect(second).toBe(first);
    const headers = (n: number) => (fetch.mock.calls[n]?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headers(0)["if-none-match"]).toBeUndefined();
    expect(headers(1)["if-none-match"]).toBe('"v1"');
  });

  it("fails rather than show nothing when a 304 comes without a list held", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response(null, { status: 304 })));
    await expect(makeQueryClient().fetchQuery(reminderQueries.notifications())).rejects.toThrow(/304/);
  });
});
