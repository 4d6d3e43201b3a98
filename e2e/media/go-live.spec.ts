/**
 * Go live from a browser tab, end to end in Chromium with its synthetic camera: the seller goes live from
 * the console, a guest in another browser context watches the video play, the seller ends the show, and
 * the replay plays with the chat appearing at the moments it was sent and the pinned product highlighted.
 * Uses a show of its own: the demo show stays scheduled for the other specs.
 */
import { expect, test, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { DEMO } from "../support/auth";
import { createShowInStudio } from "../support/studio";

const PORT = Number(process.env.E2E_PORT ?? 3310);
const SLAVE_URL = `http://127.0.0.1:${PORT + 11}`;

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

async function tokenOf(
  request: import("@playwright/test").APIRequestContext,
  email: string,
): Promise<string> {
  const res = await request.post("/api/session", { data: { email, password: "onair-demo" } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { token: string }).token;
}

/** Playback position and readiness of the page's show video. */
async function videoState(page: Page): Promise<{ readyState: number; currentTime: number }> {
  return page
    .getByTestId("show-video")
    .evaluate((v: HTMLVideoElement) => ({ readyState: v.readyState, currentTime: v.currentTime }));
}

/**
 * Records, in the page, the video's time (ms) at the moment each replay chat line is added: reading it
 * after Playwright saw the line measured its polling too (up to a second on a loaded machine).
 */
async function recordLineTimes(page: Page, ids: string[]): Promise<() => Promise<Record<string, number>>> {
  await page.evaluate((ids) => {
    const at: Record<string, number> = {};
    (window as unknown as { lineTimes: Record<string, number> }).lineTimes = at;
    const check = () => {
      const video = document.querySelector<HTMLVideoElement>("[data-testid=show-video]");
      for (const id of ids) {
        if (id in at || !video) continue;
        if (document.querySelector(`[data-testid=replay-chat] [data-message-id="${id}"]`))
          at[id] = video.currentTime * 1000;
      }
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    check();
  }, ids);
  return () => page.evaluate(() => (window as unknown as { lineTimes: Record<string, number> }).lineTimes);
}

async function chatSend(
  socket: Socket,
  roomId: string,
  text: string,
): Promise<{ id: string; createdAt: string }> {
  const ack = (await socket
    .timeout(5000)
    .emitWithAck("chat:send", { roomId, text, clientId: `e2e-${Date.now()}-${Math.random()}` })) as {
    ok: boolean;
    message?: { id: string; createdAt: string };
    error?: { code: string };
  };
  expect(ack.ok, JSON.stringify(ack.error)).toBe(true);
  return ack.message!;
}

test("the seller goes live, a viewer watches, the show ends and replays with its chat", async ({
  browser,
  request,
}) => {
  const seller = await browser.newContext();
  const sellerPage = await seller.newPage();
  const { slug } = await createShowInStudio(sellerPage, "Media e2e", async () => {
    await sellerPage.getByLabel("Add a product").selectOption({ label: "Linen Summer Shirt · ₩39,000" });
    await sellerPage.getByRole("button", { name: "Add", exact: true }).click();
  });
  const room = (await (await request.get(`/api/rooms/${slug}`)).json()) as {
    id: string;
    products: { id: string }[];
  };

  // The fake camera opens on its own (fake UI grants the permission); Go live becomes available.
  await expect(sellerPage.getByTestId("studio-preview")).toHaveJSProperty("readyState", 4, {
    timeout: 15_000,
  });
  await sellerPage.getByRole("button", { name: "Go live" }).click();
  await expect(sellerPage.getByText("You are live.")).toBeVisible({ timeout: 20_000 });
  await expect(sellerPage.getByTestId("elapsed")).toBeVisible();
  // Chromium records H.264: the server copies it (no re-encode) and the studio says so.
  await expect(sellerPage.getByTestId("video-path")).toHaveAttribute("data-path", "copy");
  await expect(sellerPage.getByTestId("video-path")).toContainText("Direct (no re-encode)");

  // A guest in another browser context sees the video playing: ready, and time advancing for 3 s.
  const viewer = await browser.newContext();
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/live/${slug}`);
  await expect(viewerPage.getByText("Live", { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(async () => (await videoState(viewerPage)).readyState, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(3);
  const start = (await videoState(viewerPage)).currentTime;
  await expect
    .poll(async () => (await videoState(viewerPage)).currentTime, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(start + 3);
  // Still playing with data ahead. Polled: a moment at the live edge with only the current frame
  // (readyState 2, the next part not yet arrived) is normal for a player a second behind the camera.
  await expect
    .poll(async () => (await videoState(viewerPage)).readyState, { timeout: 5000 })
    .toBeGreaterThanOrEqual(3);
  await expect(viewerPage.getByRole("button", { name: "Unmute" })).toBeVisible();

  // Chat and a pin at known moments of the show.
  const shopper = io(SLAVE_URL, {
    auth: { token: await tokenOf(request, DEMO.shopper.email) },
    transports: ["websocket"],
  });
  const joined = (await shopper.timeout(5000).emitWithAck("room:join", { roomId: room.id })) as {
    ok: boolean;
  };
  expect(joined.ok).toBe(true);
  const first = await chatSend(shopper, room.id, "Does the shirt come in blue?");
  const sellerToken = await tokenOf(request, DEMO.seller.email);
  const pin = await request.post(`/api/rooms/${room.id}/pin`, {
    headers: { authorization: `Bearer ${sellerToken}` },
    data: { productId: room.products[0]!.id },
  });
  expect(pin.ok()).toBe(true);
  await viewerPage.waitForTimeout(6000); // the second message must come noticeably later in the show
  const second = await chatSend(shopper, room.id, "Ordered two, thanks!");
  // Unpinned before the end: only the replay's timeline still knows the pin.
  const unpin = await request.post(`/api/rooms/${room.id}/pin`, {
    headers: { authorization: `Bearer ${sellerToken}` },
    data: { productId: null },
  });
  expect(unpin.ok()).toBe(true);
  shopper.close();
  await viewer.close();

  // The seller ends the show, after confirming.
  await sellerPage.getByRole("button", { name: "End show" }).click();
  await sellerPage.getByRole("dialog").getByRole("button", { name: "End show" }).click();
  await expect(sellerPage.getByText("The show has ended.")).toBeVisible({ timeout: 15_000 });
  const ended = (await (await request.get(`/api/rooms/${room.id}`)).json()) as {
    status: string;
    hlsUrl: string;
  };
  expect(ended.status).toBe("ENDED");
  const vod = await (await request.get(ended.hlsUrl)).text();
  expect(vod).toContain("#EXT-X-ENDLIST");
  await seller.close();

  // The replay: each message appears when the recording reaches the moment it was sent.
  const replay = (await (await request.get(`/api/rooms/${room.id}/replay`)).json()) as {
    messages: { id: string; offsetMs: number }[];
  };
  const offsetOf = (id: string) => replay.messages.find((m) => m.id === id)!.offsetMs;
  expect(offsetOf(second.id) - offsetOf(first.id)).toBeGreaterThan(5000);

  const replayer = await browser.newContext();
  const page = await replayer.newPage();
  await page.goto(`/live/${slug}`); // an ended show opens on its replay, muted autoplay
  const chat = page.getByTestId("replay-chat");
  const firstLine = chat.locator(`[data-message-id="${first.id}"]`);
  const secondLine = chat.locator(`[data-message-id="${second.id}"]`);
  // Scrub to 3 s before the first message (as a shopper skipping the start would): under load the first
  // message can come 30 s into the show, and playing up to it from 0:00 made this test a race.
  await expect
    .poll(async () => (await videoState(page)).readyState, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  const lineTimes = await recordLineTimes(page, [first.id, second.id]);
  await page.evaluate(
    (seconds) => {
      document.querySelector<HTMLVideoElement>("[data-testid=show-video]")!.currentTime = seconds;
    },
    Math.max(0, offsetOf(first.id) / 1000 - 3),
  );
  await expect(firstLine).toBeVisible({ timeout: 20_000 });
  expect(Math.abs((await lineTimes())[first.id]! - offsetOf(first.id))).toBeLessThan(1500);
  await expect(secondLine).toHaveCount(0); // not yet: it was sent six seconds later
  await expect(page.getByTestId("replay-pinned")).toHaveAttribute("data-product-id", room.products[0]!.id, {
    timeout: 5000,
  });
  // The product panel beside the replay highlights the same product.
  await expect(page.locator("li[data-pinned]")).toHaveAttribute("data-product-id", room.products[0]!.id);
  await expect(secondLine).toBeVisible({ timeout: 20_000 });
  expect(Math.abs((await lineTimes())[second.id]! - offsetOf(second.id))).toBeLessThan(1500);
  await replayer.close();
});
