import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signIn, signOut, signUp, uniqueEmail } from "../support/auth";

test.describe("studio", () => {
  test("a seller creates a show with products in order, sees its console, and edits it", async ({ page }) => {
    test.setTimeout(120_000); // four axe scans and five pages: 40 s alone, over 60 s once in a loaded CI run
    await signIn(page, DEMO.seller.email, undefined, "/studio");
    await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
    await expectAccessible(page, "/studio");
    await page.getByRole("link", { name: "New show" }).first().click();
    await expect(page).toHaveURL("/studio/new");

    // Validation: a too-short title is refused with a field error.
    await page.getByLabel("Title").fill("Hi");
    await page.getByRole("button", { name: "Create show" }).click();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveAccessibleDescription(/at least 3 characters/);
    await expectAccessible(page, "/studio/new with errors");

    const title = `Coffee hour ${Date.now().toString(36)}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Brewing with the pour-over set.");
    const add = page.getByLabel("Add a product");
    await add.selectOption({ label: "Ceramic Pour-Over Set · ₩54,000" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await add.selectOption({ label: "Linen Summer Shirt · ₩39,000" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("button", { name: "Move Linen Summer Shirt up" }).click();
    await page.getByRole("button", { name: "Create show" }).click();

    await expect(page).toHaveURL(/\/studio\/coffee-hour-[a-z0-9]+$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("button", { name: "Go live" })).toBeVisible();
    await expect(page.getByRole("button", { name: "End show" })).toBeVisible();
    const products = page.getByRole("region", { name: /Products \(2\)/ }).getByRole("listitem");
    await expect(products.nth(0)).toContainText("Linen Summer Shirt");
    await expect(products.nth(1)).toContainText("Ceramic Pour-Over Set");
    await expect(page.getByRole("region", { name: "Chat moderation" })).toBeVisible();
    await expectAccessible(page, "/studio/<slug>");

    const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
    await page.getByRole("link", { name: "Edit details" }).click();
    await expect(page).toHaveURL(`/studio/${slug}/edit`);
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await page.getByLabel("Title").fill(`${title} (edited)`);
    await page.getByRole("button", { name: "Remove Ceramic Pour-Over Set" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(`/studio/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: `${title} (edited)` })).toBeVisible();
    await expect(page.getByRole("region", { name: /Products \(1\)/ }).getByRole("listitem")).toHaveCount(1);

    // The viewer page shows it in the same order, and home lists it.
    await page.goto(`/live/${slug}`);
    await expect(
      page.getByRole("region", { name: "Products in this show" }).getByRole("listitem"),
    ).toHaveText([/Linen Summer Shirt/]);
  });

  test("a seller cannot open another seller's console", async ({ page }) => {
    await signUp(page, "Other Seller", uniqueEmail("other-seller"), true);
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();

    await page.goto("/studio/new");
    await page.getByLabel("Title").fill("Someone else's show");
    await page.getByRole("button", { name: "Create show" }).click();
    await expect(page).toHaveURL(/\/studio\/someone-elses-show/);
    const path = new URL(page.url()).pathname;

    await signOut(page);
    await signIn(page, DEMO.seller.email);
    for (const p of [path, `${path}/edit`]) {
      await page.goto(p);
      await expect(
        page.getByRole("heading", { level: 1, name: "You don't have access to this page" }),
      ).toBeVisible();
    }
  });
});
