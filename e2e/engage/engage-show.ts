import { expect, test, type APIRequestContext, type Browser, type Locator } from "@playwright/test";
import { DEMO } from "../support/auth";
import { apiSignIn, newProduct, type TAuth } from "../commerce/api";
import { chatNodes, openOn, type TChatNode } from "../support/chat-nodes";
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

/** What an auction or giveaway spec starts from (separatedShowWithProduct). */
type TEngageScene = {
  show: { id: string; slug: string };
  seller: TAuth;
  productId: string;
  /** `<product> <unique suffix>`, so a page can be searched for it. */
  productName: string;
  /** Two chat nodes (slaves) to pin browsers to. */
  nodes: [TChatNode, TChatNode];
};

/**
 * A separated show (newSeparatedShow) with one product of the seller's on sale in it (5 in stock), and the
 * chat nodes the spec's browsers are pinned to.
 */
async function separatedShowWithProduct(
  browser: Browser,
  request: APIRequestContext,
  { title, product, priceMinor }: TSceneSpec,
): Promise<TEngageScene> {
  const seller = await apiSignIn(request, DEMO.seller.email);
  const productId = (await newProduct(request, seller, 5, priceMinor)).id;
  const productName = `${product} ${Date.now().toString(36)}`;
  const renamed = await request.patch(`/api/products/${productId}`, {
    headers: seller.headers,
    data: { name: productName },
  });
  expect(renamed.status()).toBe(200);
  const show = await newSeparatedShow(browser, request, title);
  const listed = await request.put(`/api/rooms/${show.id}/products`, {
    headers: seller.headers,
    data: { productIds: [productId] },
  });
  expect(listed.status()).toBe(200);
  return { show, seller, productId, productName, nodes: await chatNodes(request) };
}

type TSceneSpec = { title: string; product: string; priceMinor: number };

/**
 * The spec's scene, made once by a beforeAll this registers (separatedShowWithProduct) and read by its tests:
 * `const scene = engageScene({ title: "Auction e2e", product: "Auction lamp", priceMinor: 50_000 })`.
 */
export function engageScene(spec: TSceneSpec): TEngageScene {
  const scene = {} as TEngageScene;
  test.beforeAll(async ({ browser, request }) => {
    test.setTimeout(90_000);
    Object.assign(scene, await separatedShowWithProduct(browser, request, spec));
  });
  return scene;
}

/**
 * Three browsers on a separated show: a signed-in shopper's viewer page on one chat node, a second viewer
 * (`second`: an email, or null for a guest) and the seller's console on the other.
 */
export async function openViewersAndConsole(
  browser: Browser,
  [n1, n2]: [TChatNode, TChatNode],
  slug: string,
  second: string | null,
) {
  const a = await openOn(browser, n1, DEMO.shopper.email, `/live/${slug}`);
  const b = await openOn(browser, n2, second, `/live/${slug}`);
  const console = await openOn(browser, n2, DEMO.seller.email, `/studio/${slug}`);
  return { a, b, console };
}

/** A signed-in viewer's page on one chat node and an ADMIN's console on the other (to cancel from). */
export async function openViewerAndAdmin(
  browser: Browser,
  [n1, n2]: [TChatNode, TChatNode],
  slug: string,
  viewer: string,
) {
  return {
    viewer: await openOn(browser, n1, viewer, `/live/${slug}`),
    admin: await openOn(browser, n2, DEMO.admin.email, `/studio/${slug}`),
  };
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
