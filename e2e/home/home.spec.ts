import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";

test("the home page lists the demo show with its start time, and every shelf", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "Live now" })).toBeVisible();
  const upcoming = page.getByRole("region", { name: /Upcoming/ });
  const card = upcoming.getByRole("article").filter({ hasText: "Summer essentials with Mina" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("by Mina's Picks");
  await expect(card).toContainText(/Starts \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2}\s?(AM|PM)/);
  await expect(page.getByRole("heading", { level: 2, name: "Replays" })).toBeVisible();
  await expectAccessible(page, "/");

  await card.getByRole("link", { name: "Summer essentials with Mina", exact: true }).click();
  await expect(page).toHaveURL("/live/demo-live");
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("unknown pages get the not-found page", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
  await expectAccessible(page, "404 page");
});
