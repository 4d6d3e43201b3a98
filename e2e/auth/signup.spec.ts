import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signUp, uniqueEmail } from "../support/auth";

test.describe("sign up", () => {
  test("a new shopper signs up and lands on the home page signed in", async ({ page }) => {
    await page.goto("/signup");
    await expectAccessible(page, "/signup");
    await page.getByLabel("Name").fill("Test Shopper");
    await page.getByLabel("Email").fill(uniqueEmail("shopper"));
    await page.getByLabel("Password").fill("long-enough-pw");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL("/");
    const menu = page.getByRole("button", { name: /Account menu/ });
    await expect(menu).toContainText("Test Shopper");
    await menu.click();
    await expect(page.getByText("Role: Shopper")).toBeVisible();
    // A shopper gets no studio or admin navigation.
    const nav = page.getByRole("navigation", { name: "Main", exact: true });
    await expect(nav.getByRole("link", { name: "Studio" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  });

  test("ticking “I want to sell” makes a seller with a studio", async ({ page }) => {
    await signUp(page, "New Seller", uniqueEmail("seller"), true);
    await expect(
      page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Studio" }),
    ).toBeVisible();
    await page.goto("/studio");
    await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    await expect(page.getByText("No shows yet")).toBeVisible();
  });

  test("bad fields are marked invalid with their messages, and a taken email is named", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();

    const name = page.getByLabel("Name");
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/valid email address/);
    await expect(password).toHaveAccessibleDescription(/at least 8 characters/);
    await expect(name).toBeFocused();
    await expectAccessible(page, "/signup with errors");

    await name.fill("Someone");
    await email.fill(DEMO.shopper.email);
    await password.fill("long-enough-pw");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("already exists");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/signup/);
  });
});
