import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { DEMO, signIn } from "../support/auth";

test("the admin overview lists shows with live figures and chat nodes, updates itself, and opens a room console", async ({
  page,
}) => {
  await signIn(page, DEMO.admin.email, undefined, "/admin");
  await expect(page).toHaveURL("/admin");
  await expect(page.getByText("Viewers now")).toBeVisible();
  await expect(page.getByText("Orders today")).toBeVisible();
  await expect(page.getByRole("figure").filter({ hasText: "Chat messages per minute" })).toBeVisible();

  const shows = page.getByRole("region", { name: "Shows" });
  const demoRow = shows.getByRole("row").filter({ hasText: "Summer essentials with Mina" });
  await expect(demoRow).toContainText("Mina's Picks");
  await expect(demoRow).toContainText(/Upcoming|Live|Replay/);

  // Filter and sort on the client.
  await shows.getByLabel("Filter shows").fill("no show is called this");
  await expect(shows.getByText("No show matches these filters.")).toBeVisible();
  await shows.getByLabel("Filter shows").fill("summer");
  await expect(demoRow).toBeVisible();
  await shows.getByRole("button", { name: "Viewers" }).click();
  await expect(shows.getByRole("columnheader", { name: "Viewers" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  const nodes = page.getByRole("region", { name: "Chat nodes" });
  await expect(nodes.getByRole("row").filter({ hasText: "master" })).toContainText("Master");
  await expect(nodes.getByRole("button", { name: /^Drain / })).not.toHaveCount(0);

  // Live without reload: the "updated" stamp moves on by itself.
  const stamp = page.locator("[data-updated-at]");
  const first = await stamp.getAttribute("data-updated-at");
  await expect.poll(() => stamp.getAttribute("data-updated-at"), { timeout: 10_000 }).not.toBe(first);
  await expectAccessible(page, "/admin");

  await demoRow.getByRole("link", { name: "Summer essentials with Mina" }).click();
  await expect(page).toHaveURL(/\/admin\/rooms\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Summer essentials with Mina" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Chat moderation" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mutes and bans" })).toBeVisible();
  await expectAccessible(page, "/admin/rooms/[id]");
});

test("accounts: search, and every page is ADMIN-only with a CSP", async ({ page }) => {
  await signIn(page, DEMO.admin.email, undefined, "/admin/users");
  const accounts = page.getByRole("region", { name: "Accounts" });
  await accounts.getByLabel("Search name or email").fill("shopper2@");
  await expect(accounts.getByRole("row")).toHaveCount(2);
  await expect(accounts.getByRole("row").filter({ hasText: DEMO.shopper2.email })).toBeVisible();
  await accounts.getByLabel("Search name or email").fill("");
  await expect(accounts.getByRole("row").filter({ hasText: DEMO.admin.email })).toContainText("(you)");
  await expectAccessible(page, "/admin/users");

  await page
    .getByRole("navigation", { name: "Admin sections" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page).toHaveURL("/admin/audit");
  await expect(page.getByRole("region", { name: "Audit log" })).toBeVisible();
  await expectAccessible(page, "/admin/audit");

  const res = await page.request.get("/admin");
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("connect-src 'self' ws: wss:");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});
