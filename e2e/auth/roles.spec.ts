import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signIn, signOut } from "../support/auth";

const FORBIDDEN = "You don't have access to this page";

async function expectForbidden(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: FORBIDDEN })).toBeVisible();
  await expect(page).toHaveURL(path);
}

function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main", exact: true });
}

test.describe("roles", () => {
  test("signed out, studio and admin send you to sign in, and back again after", async ({ page }) => {
    for (const path of ["/studio", "/admin", "/studio/new", "/studio/demo-live"]) {
      await page.goto(path);
      await expect(page).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
    }
    await expectAccessible(page, "/login");
    await page.getByLabel("Email").fill(DEMO.seller.email);
    await page.getByLabel("Password").fill("onair-demo");
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/studio/demo-live");
    await expect(page.getByRole("button", { name: "Go live" })).toBeVisible();
  });

  test("wrong password shows an error and keeps you on the form", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.shopper.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("don't match");
    await expect(page).toHaveURL("/login");
    await expectAccessible(page, "/login with an error");
  });

  test("admin sees studio and admin", async ({ page }) => {
    await signIn(page, DEMO.admin.email);
    await expect(mainNav(page).getByRole("link", { name: "Studio" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Admin" })).toBeVisible();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
    await page.goto("/studio");
    await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    await page.goto("/studio/demo-live");
    await expect(page.getByRole("button", { name: "End show" })).toBeVisible();
  });

  test("seller sees the studio, gets 403 on admin", async ({ page }) => {
    await signIn(page, DEMO.seller.email);
    await expect(mainNav(page).getByRole("link", { name: "Studio" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.goto("/studio");
    await expect(page.getByRole("link", { name: "Summer essentials with Mina", exact: true })).toBeVisible();
    await expectForbidden(page, "/admin");
    await expectAccessible(page, "403 page");
  });

  for (const who of ["shopper", "shopper2"] as const) {
    test(`${who} gets 403 on studio and admin pages`, async ({ page }) => {
      await signIn(page, DEMO[who].email);
      await expect(mainNav(page).getByRole("link", { name: "Studio" })).toHaveCount(0);
      await expectForbidden(page, "/studio");
      await expectForbidden(page, "/studio/demo-live");
      await expectForbidden(page, "/admin");
      // The viewer page is for everyone.
      await page.goto("/live/demo-live");
      await expect(
        page.getByRole("heading", { level: 1, name: "Summer essentials with Mina" }),
      ).toBeVisible();
    });
  }

  test("the account menu shows name and role, and signs out", async ({ page }) => {
    await signIn(page, DEMO.seller.email);
    await page.getByRole("button", { name: /Account menu/ }).click();
    await expect(page.getByText("Role: Seller")).toBeVisible();
    await expect(page.getByText(DEMO.seller.email)).toBeVisible();
    await page.keyboard.press("Escape");
    await signOut(page);
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/login\?next=/);
  });
});

test("a cached page is the same HTML signed in, and the account fills in from /api/me", async ({ page }) => {
  await signIn(page, DEMO.seller.email);
  // The HTML a signed-in seller is sent does not know them (it is the guest page every arrival gets) …
  const html = await (await page.request.get("/live/demo-live")).text();
  expect(html).not.toContain(DEMO.seller.email);
  expect(html).not.toContain('href="/studio"');
  // … and once loaded, the page shows their menu and role-aware navigation all the same.
  await page.goto("/live/demo-live");
  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByText(DEMO.seller.email)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("banner").getByRole("link", { name: "Studio" }).first()).toBeVisible();
  await signOut(page);
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Account menu/ })).toHaveCount(0);
});
