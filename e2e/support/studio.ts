import { expect, type Page } from "@playwright/test";
import { DEMO, signIn } from "./auth";

/**
 * A show of the demo seller's own, created in the studio as a seller would, signed in on `page` (which is
 * left on its console). `title` "Shop e2e" gets a unique suffix and so a slug "shop-e2e-…"; `more` fills
 * further fields before "Create show".
 */
export async function createShowInStudio(
  page: Page,
  title: string,
  more?: () => Promise<void>,
): Promise<{ slug: string; title: string }> {
  await signIn(page, DEMO.seller.email, undefined, "/studio/new");
  await expect(page).toHaveURL("/studio/new");
  const unique = `${title} ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(unique);
  await more?.();
  await page.getByRole("button", { name: "Create show" }).click();
  const prefix = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await expect(page).toHaveURL(new RegExp(`/studio/${prefix}-[a-z0-9-]+$`), { timeout: 30_000 });
  return { slug: new URL(page.url()).pathname.split("/").pop()!, title: unique };
}
