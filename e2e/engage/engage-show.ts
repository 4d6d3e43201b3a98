import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO, signIn } from "../support/auth";
import { apiSignIn } from "../commerce/api";

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
  await signIn(page, DEMO.seller.email, undefined, "/studio/new");
  await page.getByLabel("Title").fill(`${title} ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create show" }).click();
  const prefix = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await expect(page).toHaveURL(new RegExp(`/studio/${prefix}-[a-z0-9-]+$`), { timeout: 30_000 });
  const slug = new URL(page.url()).pathname.split("/").pop()!;
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
