import { expect, type APIRequestContext, type Browser, type Locator } from "@playwright/test";
import { DEMO } from "../support/auth";
import { apiSignIn } from "../commerce/api";
import { createShowInStudio } from "../support/studio";

/**
 * A show of the demo seller's own, created in the studio as a seller would, with its chat separated (the
 * engagement features must cross every chat group): `title` "Auction e2e" gives a slug "auction-e2e-…".
 */
export async function newSeparatedShow(
  browser: Browser,
  request: APIRequestContext,
  title: string,
): Promise<{ id: string; slug: string }> {
  const page = await browser.newPage();
  const { slug } = await createShowInStudio(page, title);
  await page.close();
  const id = ((await (await request.get(`/api/rooms/${slug}`)).json()) as { id: string }).id;
  const admin = await apiSignIn(request, DEMO.admin.email);
  const separated = await request.patch(`/api/rooms/${id}/chat`, {
    headers: admin.headers,
    data: { separation: "ON" },
  });
  expect(separated.status()).toBe(200);
  return { id, slug };
}

/**
 * An admin cancels the running auction or giveaway from its console card (`button`: "Cancel auction"): a
 * one-letter reason is refused with an alert, then `reason` is sent.
 */
export async function cancelWithReason(console: Locator, button: string, reason: string): Promise<void> {
  const reasonField = console.getByLabel("Reason for cancelling", { exact: false });
  await reasonField.fill("x");
  await console.getByRole("button", { name: button }).click();
  await expect(console.getByRole("alert")).toBeVisible();
  await reasonField.fill(reason);
  await console.getByRole("button", { name: button }).click();
}
