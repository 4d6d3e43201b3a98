import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../support/auth";

// The README's screenshot is made here, from the real product with its demo data: a signed-in shopper on
// the viewer page, chat connected, a question asked.
test("captures the viewer page for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.shopper.email, undefined, "/live/demo-live");
  await page.goto("/live/demo-live");
  const chat = page.getByRole("region", { name: "Live chat" });
  await expect(chat).toHaveAttribute("data-status", "connected");
  const input = chat.getByRole("textbox", { name: "Send a message" });
  await input.fill("Does the linen shirt come in blue?");
  await input.press("Enter");
  await expect(
    chat.getByRole("log", { name: "Chat messages" }).getByText("Does the linen shirt come in blue?"),
  ).toBeVisible();
  await page.screenshot({ path: "docs/screenshot.png" });
});
