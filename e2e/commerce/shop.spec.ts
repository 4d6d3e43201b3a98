import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn, uniqueEmail } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { apiSignIn, newProduct, stockOf, type TProduct } from "./api";
import { createShowInStudio } from "../support/studio";

// The shopper's side of a live show, end to end: the seller pins from the console, viewers see it live,
// shoppers buy through the cart and checkout. Everything runs on a show and products of its own, so the
// seeded demo-live stays as the other specs expect it.

type TShow = { id: string; slug: string };
const PASSWORD = "e2e-password-1";
const SHIPPING = {
  "Full name": "Jisoo Kim",
  Phone: "+82 10-1234-5678",
  City: "Seoul",
  "Postal code": "04524",
};

let show: TShow;
let pinned: TProduct & { name: string };
let other: TProduct & { name: string };

async function newBuyer(request: APIRequestContext): Promise<string> {
  const email = uniqueEmail("shop");
  const res = await request.post("/api/users", { data: { email, password: PASSWORD, name: "Shop Buyer" } });
  expect(res.status()).toBe(201);
  return email;
}

async function buyerPage(
  browser: Browser,
  request: APIRequestContext,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, await newBuyer(request), PASSWORD, `/live/${show.slug}`);
  await expect(page).toHaveURL(`/live/${show.slug}`);
  return page;
}

async function fillCheckout(page: Page, card: string): Promise<void> {
  const drawer = page.getByRole("dialog", { name: "Checkout" });
  for (const [label, value] of Object.entries(SHIPPING))
    await drawer.getByLabel(label, { exact: true }).fill(value);
  await drawer.getByLabel("Address", { exact: true }).fill("1 Sejong-daero");
  await drawer.getByLabel("Card number").fill(card);
  await drawer.getByLabel("Expiry month").fill("12");
  await drawer.getByLabel("Expiry year").fill("2030");
  await drawer.getByLabel("Security code").fill("123");
}

function productCard(page: Page, productId: string) {
  return page.getByTestId("product-list").locator(`li[data-product-id="${productId}"]`);
}

test.describe.serial("shopping a live show", () => {
  test.beforeAll(async ({ browser, request }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const tag = Date.now().toString(36);
    const product = async (name: string, priceMinor: number) => {
      const created = await newProduct(request, seller, 20, priceMinor);
      const res = await request.patch(`/api/products/${created.id}`, {
        headers: seller.headers,
        data: { name },
      });
      expect(res.status()).toBe(200);
      return { ...created, name };
    };
    pinned = await product(`Pinned tote ${tag}`, 39000);
    other = await product(`Ceramic mug ${tag}`, 54000);
    // A show of its own, created in the studio as a seller would.
    const page = await browser.newPage();
    const { slug } = await createShowInStudio(page, "Shop e2e");
    await page.close();
    show = { slug, id: ((await (await request.get(`/api/rooms/${slug}`)).json()) as { id: string }).id };
    const attach = await request.put(`/api/rooms/${show.id}/products`, {
      headers: seller.headers,
      data: { productIds: [other.id, pinned.id] },
    });
    expect(attach.status()).toBe(200);
  });

  test("the seller pins from the console, the viewer sees it over the video and buys it with the success card", async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000); // two browsers, video and a payment: 47-51 s in a whole run, over 60 s once in CI
    const shopper = await buyerPage(browser, request);
    // The viewer is connected before the pin: it must arrive live (room:state), not on a reload.
    await expect(shopper.locator("section[data-room-id]")).toHaveAttribute("data-status", "connected", {
      timeout: 15_000,
    });
    await expect(shopper.getByTestId("pinned-overlay")).toHaveCount(0);

    const sellerContext = await browser.newContext();
    const seller = await sellerContext.newPage();
    await signIn(seller, DEMO.seller.email, undefined, `/studio/${show.slug}`);
    await seller.getByRole("button", { name: `Pin ${pinned.name} over the video` }).click();
    await expect(seller.getByText(`${pinned.name} is pinned for every viewer.`)).toBeVisible();
    await expect(seller.getByTestId("console-products").locator("li").first()).toHaveAttribute(
      "data-product-id",
      pinned.id,
    );

    const overlay = shopper.getByTestId("pinned-overlay");
    await expect(overlay).toHaveAttribute("data-product-id", pinned.id, { timeout: 5_000 });
    await expect(overlay).toContainText(pinned.name);
    await expect(overlay).toContainText("₩39,000");
    // ...and at the top of the product panel, highlighted.
    const first = shopper.getByTestId("product-list").locator("li").first();
    await expect(first).toHaveAttribute("data-product-id", pinned.id);
    await expect(first).toHaveAttribute("data-pinned", "true");
    await expect(first).toContainText("Featured now");

    const before = await stockOf(request, pinned.id);
    await overlay.getByRole("button", { name: `Add to cart: ${pinned.name}` }).click();
    const cart = shopper.getByRole("dialog", { name: "Cart" });
    await expect(cart).toBeVisible();
    await expect(cart).toContainText(pinned.name);
    await cart.getByRole("button", { name: "Checkout" }).click();
    await expect(
      shopper.getByRole("dialog", { name: "Checkout" }).getByText("Test mode", { exact: false }),
    ).toBeVisible();
    await fillCheckout(shopper, "4242 4242 4242 4242");
    await shopper.getByRole("button", { name: "Pay ₩39,000" }).click();
    await expect(shopper.getByText("Thank you! Your order is confirmed.")).toBeVisible();
    expect(await stockOf(request, pinned.id)).toBe(before - 1);
    // Every viewer's panel follows the stock (product:update).
    await expect(productCard(shopper, pinned.id)).toHaveAttribute("data-stock", String(before - 1));

    await shopper.getByRole("link", { name: "See my orders" }).click();
    await expect(shopper).toHaveURL("/orders");
    const order = shopper.locator("li[data-order-id]").first();
    await expect(order).toContainText(pinned.name);
    await expect(order).toContainText("Paid");
    await expect(order).toContainText("₩39,000");

    // The sales panel counts it.
    await expect(seller.getByTestId("sales-orders")).toContainText("1", { timeout: 10_000 });
    await seller.getByRole("button", { name: `Unpin ${pinned.name}` }).click();
    await expect(overlay).toHaveCount(0, { timeout: 5_000 });
    await sellerContext.close();
    await shopper.context().close();
  });

  test("a declined card shows the reason, leaves no paid order and puts the units back", async ({
    browser,
    request,
  }) => {
    const shopper = await buyerPage(browser, request);
    const before = await stockOf(request, other.id);
    await productCard(shopper, other.id)
      .getByRole("button", { name: `Add to cart: ${other.name}` })
      .click();
    const cart = shopper.getByRole("dialog", { name: "Cart" });
    await cart.getByRole("button", { name: "Checkout" }).click();

    // Field errors first: nothing is ordered while the form is wrong.
    await shopper.getByRole("button", { name: "Pay ₩54,000" }).click();
    const checkout = shopper.getByRole("dialog", { name: "Checkout" });
    await expect(checkout.getByRole("alert")).toContainText("Please fix the highlighted fields.");
    await expect(shopper.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    expect(await stockOf(request, other.id)).toBe(before);

    await fillCheckout(shopper, "4000 0000 0000 0002");
    await shopper.getByRole("button", { name: "Pay ₩54,000" }).click();
    await expect(checkout.getByRole("alert")).toContainText("Payment declined: Your card was declined.");
    await expect.poll(() => stockOf(request, other.id)).toBe(before);
    await expect(productCard(shopper, other.id)).toHaveAttribute("data-stock", String(before));

    const orders = (await (await shopper.request.get("/api/orders")).json()) as {
      orders: { productId: string; status: string }[];
    };
    const mine = orders.orders.filter((o) => o.productId === other.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.status !== "PAID")).toBe(true);
    await shopper.context().close();
  });

  test("the checkout dialog and My orders pass axe", async ({ browser, request }) => {
    const shopper = await buyerPage(browser, request);
    await productCard(shopper, other.id)
      .getByRole("button", { name: `Add to cart: ${other.name}` })
      .click();
    await shopper.getByRole("dialog", { name: "Cart" }).getByRole("button", { name: "Checkout" }).click();
    await expect(shopper.getByRole("dialog", { name: "Checkout" })).toBeVisible();
    await expectAccessible(shopper, "the checkout dialog");
    await shopper.goto("/orders");
    await expect(shopper.getByRole("heading", { level: 1, name: "My orders" })).toBeVisible();
    await expectAccessible(shopper, "/orders");
    // The account menu leads there too.
    await shopper.getByRole("button", { name: /Account menu/ }).click();
    await expect(shopper.getByRole("link", { name: "My orders" })).toHaveAttribute("href", "/orders");
    await shopper.context().close();
  });

  test("on a phone, the products tab is a sheet and details open over the video", async ({
    browser,
    request,
  }) => {
    const shopper = await buyerPage(browser, request, { width: 390, height: 844 });
    await expect(shopper.getByRole("tab", { name: "Products" })).toHaveAttribute("aria-selected", "true");
    const card = productCard(shopper, pinned.id);
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: `Details of ${pinned.name}` }).click();
    const details = shopper.getByRole("dialog", { name: pinned.name });
    await expect(details).toBeVisible();
    await expect(details).toContainText("In stock");
    // A bottom sheet: full width, resting on the bottom edge, the video above it still on the page.
    const box = (await details.boundingBox())!;
    expect(box.width).toBeGreaterThan(380);
    expect(Math.round(box.y + box.height)).toBeGreaterThanOrEqual(843);
    await expect(shopper.locator("#player-slot")).toBeAttached();
    await expectAccessible(shopper, "the product sheet on a phone");
    await details.getByRole("button", { name: `Add to cart: ${pinned.name}` }).click();
    await expect(details).toBeHidden();
    await expect(shopper.getByRole("dialog", { name: "Cart" })).toContainText(pinned.name);
    await shopper.context().close();
  });
});
