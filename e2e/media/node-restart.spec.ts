/**
 * A media node dies under a live show (SIGKILL, as a crash or the OOM killer would): the supervisor
 * restarts it, the seller's studio reconnects and resumes on its own, and a viewer's player picks the
 * show up again without the page being reloaded. Uses a show of its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createShowInStudio } from "../support/studio";

const PORT = Number(process.env.E2E_PORT ?? 3310);
const MEDIA_PORT = PORT + 30; // playwright.config.ts: MEDIA_BASE_PORT, one node

test.setTimeout(180_000);

/** The pid of the suite's media node (its supervisor sets MEDIA_PORT in its environment). */
function mediaNodePid(): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmd.includes("server/media/node/main.ts")) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (env.includes(`MEDIA_PORT=${MEDIA_PORT}`)) return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

async function currentTime(page: Page): Promise<number> {
  return page.getByTestId("show-video").evaluate((v: HTMLVideoElement) => v.currentTime);
}

test("a SIGKILLed media node comes back and the viewer's player resumes the show without a reload", async ({
  browser,
}) => {
  const seller = await browser.newContext();
  const sellerPage = await seller.newPage();
  const { slug } = await createShowInStudio(sellerPage, "Restart e2e");
  await expect(sellerPage.getByTestId("studio-preview")).toHaveJSProperty("readyState", 4, {
    timeout: 15_000,
  });
  await sellerPage.getByRole("button", { name: "Go live" }).click();
  await expect(sellerPage.getByTestId("elapsed")).toBeVisible({ timeout: 30_000 });

  const viewer = await browser.newContext();
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/live/${slug}`);
  await expect.poll(() => currentTime(viewerPage), { timeout: 30_000 }).toBeGreaterThan(1);
  // Set in this page only: a reload would lose it.
  await viewerPage.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

  const pid = mediaNodePid();
  expect(pid, `no media node process with MEDIA_PORT=${MEDIA_PORT}`).not.toBeNull();
  process.kill(pid!, "SIGKILL");
  const killedAt = await currentTime(viewerPage);

  // The supervisor starts a new node process; the studio reconnects and publishes again.
  await expect.poll(() => mediaNodePid(), { timeout: 30_000 }).not.toBe(pid);
  await expect.poll(() => mediaNodePid(), { timeout: 30_000 }).not.toBeNull();
  // The viewer's picture moves on well past where it froze, in the same page.
  await expect
    .poll(() => currentTime(viewerPage), { timeout: 90_000, intervals: [1000] })
    .toBeGreaterThan(killedAt + 5);
  expect(await viewerPage.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(
    true,
  );
  await expect(sellerPage.getByText("You are live.")).toBeVisible();

  await sellerPage.getByRole("button", { name: "End show" }).click();
  await sellerPage.getByRole("dialog").getByRole("button", { name: "End show" }).click();
  await expect(sellerPage.getByText("The show has ended.")).toBeVisible({ timeout: 20_000 });
  await Promise.all([seller.close(), viewer.close()]);
});
