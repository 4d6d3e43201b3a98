import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signIn } from "../support/auth";

test("the admin dashboard lists shows and accounts", async ({ page }) => {
  await signIn(page, DEMO.admin.email, undefined, "/admin");
  await expect(page).toHaveURL("/admin");
  const shows = page.getByRole("region", { name: "Shows" });
  const demoRow = shows.getByRole("row").filter({ hasText: "Summer essentials with Mina" });
  await expect(demoRow).toContainText("Mina's Picks");
  await expect(demoRow).toContainText("Upcoming");
  await expect(demoRow.getByRole("cell").last()).toHaveText("3");

  const accounts = page.getByRole("region", { name: "Accounts" });
  await expect(accounts.getByRole("row").filter({ hasText: DEMO.shopper.email })).toContainText("Shopper");
  await expect(accounts.getByRole("row").filter({ hasText: DEMO.admin.email })).toContainText("Admin");
  await expectAccessible(page, "/admin");

  await demoRow.getByRole("link", { name: "Summer essentials with Mina" }).click();
  await expect(page).toHaveURL("/live/demo-live");
});
