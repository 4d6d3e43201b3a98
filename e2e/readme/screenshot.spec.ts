import { expect, test } from "@playwright/test";

// The README's screenshot is made here, from the real product with its demo data.
test("captures the viewer page for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/live/demo-live");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "docs/screenshot.png" });
});
