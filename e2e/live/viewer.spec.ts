import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";

test.describe("viewer page", () => {
  test("shows the video area with a countdown, the products in order with prices, and the chat", async ({
    page,
  }) => {
    await page.goto("/live/demo-live");
    await expect(page.getByRole("heading", { level: 1, name: "Summer essentials with Mina" })).toBeVisible();
    await expect(page.locator("#player-slot")).toContainText(/Starts in \d{1,2}:\d{2}/);

    const products = page.getByRole("region", { name: "Products in this show" }).getByRole("listitem");
    await expect(products).toHaveCount(3);
    await expect(products.nth(0)).toContainText("Linen Summer Shirt");
    await expect(products.nth(0)).toContainText("₩39,000");
    await expect(products.nth(1)).toContainText("Ceramic Pour-Over Set");
    await expect(products.nth(1)).toContainText("₩54,000");
    await expect(products.nth(2)).toContainText("Wireless Earbuds Mini");
    await expect(products.nth(2)).toContainText("₩89,000");
    await expect(page.getByRole("region", { name: "Live chat" })).toBeVisible();
    // Desktop: both panels side by side, no tabs.
    await expect(page.getByRole("tablist")).toBeHidden();
    await expectAccessible(page, "/live/demo-live (desktop)");
  });

  test("on a phone, products and chat become tabs", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/live/demo-live");
    const tablist = page.getByRole("tablist", { name: "Show panels" });
    await expect(tablist).toBeVisible();
    const productsTab = tablist.getByRole("tab", { name: "Products" });
    const chatTab = tablist.getByRole("tab", { name: "Chat" });
    await expect(productsTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Linen Summer Shirt")).toBeVisible();
    await expect(page.getByRole("region", { name: "Live chat" })).toBeHidden();
    await expectAccessible(page, "/live/demo-live (phone)");

    await chatTab.click();
    await expect(chatTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("region", { name: "Live chat" })).toBeVisible();
    await expect(page.getByText("Linen Summer Shirt")).toBeHidden();

    // Arrow keys move between tabs, as the tabs pattern asks.
    await chatTab.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(productsTab).toBeFocused();
    await expect(productsTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Linen Summer Shirt")).toBeVisible();
  });

  test("an unknown show is a 404 page", async ({ page }) => {
    const res = await page.goto("/live/no-such-show");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
  });
});
