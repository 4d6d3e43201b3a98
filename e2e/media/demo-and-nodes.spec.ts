/**
 * The media tier as a newcomer and an admin meet it: on a fresh install the demo show is live (a generated
 * picture and tone through the real ingest) and its video plays next to chat and products; `/admin` lists
 * the media node beside the chat nodes, and draining it from there is confirmed, shown and audited.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signIn } from "../support/auth";

test.describe.configure({ mode: "serial" });

test("a newcomer's first page has the demo show live, and its video plays with chat and products", async ({
  page,
}) => {
  await page.goto("/");
  const live = page.getByRole("region", { name: /Live now/ });
  const card = live.getByRole("article").filter({ hasText: "On air now: the OnAir test channel" });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByRole("link", { name: "On air now: the OnAir test channel" }).click();
  await expect(page).toHaveURL("/live/demo-on-air", { timeout: 30_000 });
  const video = page.getByTestId("show-video");
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 3 && v.currentTime > 1), {
      timeout: 45_000,
    })
    .toBe(true);
  await expect(page.getByRole("region", { name: "Products in this show" }).getByRole("listitem")).toHaveCount(
    4,
  );
  await expect(page.getByRole("region", { name: "Live chat" })).toBeVisible();
});

test("a shopper opening the live page directly gets hls.js preloaded from the head, fetched once, and video", async ({
  page,
}) => {
  const playerRequests: string[] = [];
  page.on("request", (r) => {
    if (/\/player\/hls-[\d.]+\.light\.min\.js$/.test(r.url())) playerRequests.push(r.url());
  });
  await page.goto("/live/demo-on-air");
  // The boot script's own <script> would otherwise queue behind the page's chunks (components/player/live-player-boot.tsx).
  const preload = page.locator('head link[rel="preload"][as="script"][href^="/player/hls-"]');
  await expect(preload).toHaveCount(1);
  await expect(preload).toHaveAttribute("fetchpriority", "high");
  const video = page.getByTestId("show-video");
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 3 && v.currentTime > 0), {
      timeout: 45_000,
    })
    .toBe(true);
  expect(playerRequests).toHaveLength(1);
});

test("the live page holds its Next.js chunks for the player, and still hydrates when no frame comes", async ({
  page,
}) => {
  // No playlist ever answers: the boot script sees no frame and no fatal error, so only the cap releases.
  await page.route("**/hls/**", (route) => route.abort());
  const res = await page.goto("/live/demo-on-air");
  const html = (await res?.text()) ?? "";
  expect(html).toContain("data-held-chunk");
  expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async=""/);
  await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version);
  // Hydrated: the header asked /api/me and shows a guest the way in.
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});

test("the admin sees the media node beside the chat nodes, drains it and resumes it, audited", async ({
  page,
}) => {
  // Axe on the live-updating admin page took ~40 s of the default 60 on a loaded 2-core machine.
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin.email, undefined, "/admin");
  const media = page.getByRole("region", { name: "Media nodes" });
  const row = media.getByRole("row").filter({ hasText: "media-1" });
  await expect(row).toContainText("Active");
  // The demo show holds one live slot on it.
  await expect(row).toContainText(/[1-9] \/ \d+/, { timeout: 15_000 });
  await expectAccessible(page, "/admin with media nodes");

  await row.getByRole("button", { name: "Drain media-1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Drain node" }).click();
  await expect(media.getByRole("status")).toContainText("media-1 is draining");
  await expect(row).toContainText("Draining");
  // Its running show goes on.
  const rooms = (await (await page.request.get("/api/rooms")).json()) as { slug: string; status: string }[];
  expect(rooms.find((r) => r.slug === "demo-on-air")?.status).toBe("LIVE");

  await row.getByRole("button", { name: "Resume media-1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Resume node" }).click();
  await expect(row).toContainText("Active");

  const audit = (await (await page.request.get("/api/admin/audit?action=media.")).json()) as {
    entries: { action: string; details: { nodeId?: string } }[];
  };
  expect(audit.entries.map((e) => e.action)).toEqual(["media.resume", "media.drain"]);
  expect(audit.entries.every((e) => e.details.nodeId === "media-1")).toBe(true);
});
