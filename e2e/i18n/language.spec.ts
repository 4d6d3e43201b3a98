import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";

test("switching to Korean translates the page, formats won, and sticks", async ({ page }) => {
  await page.goto("/live/demo-live");
  await expect(page.getByText("₩39,000")).toBeVisible();
  await page.getByLabel("Language").selectOption("ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 2, name: "이 방송의 상품" })).toBeVisible();
  await expect(page.getByText("39,000원")).toBeVisible();
  await expect(page.locator("#player-slot")).toContainText("후 시작");
  await expectAccessible(page, "/live/demo-live in Korean");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "지금 라이브" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "로그인" })).toBeVisible();

  await page.getByLabel("언어").selectOption("en");
  await expect(page.getByRole("heading", { level: 2, name: "Live now" })).toBeVisible();
});

test.describe("with a Korean browser", () => {
  test.use({ locale: "ko-KR" });
  test("the language follows Accept-Language", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "로그인" })).toBeVisible();
    await expect(page.getByLabel("이메일")).toBeVisible();
    await expectAccessible(page, "/login in Korean");
  });
});
