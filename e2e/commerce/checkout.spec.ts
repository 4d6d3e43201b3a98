import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signIn, uniqueEmail } from "../support/auth";
import { anonymous, apiSignIn, newProduct, newShopper, stockOf, type TAuth, type TErrorBody } from "./api";
import { createShowInStudio } from "../support/studio";

// POST /api/checkout: one order for the whole cart, all lines or none (docs/COMMERCE.md), and the cart's
// answer to a lost race: the line that sold out is named and the rest of the cart is one click away.

type TLine = { productId: string; quantity: number; unitPriceMinor: number; totalMinor: number };
type TOrder = { id: string; status: string; totalMinor: number; lines: TLine[] };
type TOutOfStock = TErrorBody & { error: { productIds?: string[] } };

const key = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function checkout(request: APIRequestContext, buyer: TAuth, data: unknown) {
  return request.post("/api/checkout", { headers: buyer.headers, data: data as Record<string, unknown> });
}

test.describe("checkout API", () => {
  test("a two-line cart is one order; the same key finds it again; GET /api/orders shows its lines", async ({
    request,
  }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const [a, b] = [await newProduct(request, seller, 5, 10000), await newProduct(request, seller, 5, 2500)];
    const buyer = await newShopper(request);
    const body = {
      lines: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      idempotencyKey: key(),
    };
    const first = await checkout(request, buyer, body);
    expect(first.status()).toBe(201);
    const { order } = (await first.json()) as { order: TOrder };
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", totalMinor: 22500 });
    expect(order.lines.map((l) => [l.productId, l.quantity, l.unitPriceMinor])).toEqual([
      [a.id, 2, 10000],
      [b.id, 1, 2500],
    ]);
    const again = await checkout(request, buyer, body);
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { order: TOrder }).order.id).toBe(order.id);
    expect([await stockOf(request, a.id), await stockOf(request, b.id)]).toEqual([3, 4]);

    const mine = (await (await request.get("/api/orders", { headers: buyer.headers })).json()) as {
      orders: TOrder[];
    };
    expect(mine.orders.find((o) => o.id === order.id)?.lines).toHaveLength(2);
  });

  test("a line that cannot be filled: 409 OUT_OF_STOCK naming it, and nothing of the cart reserved", async ({
    request,
  }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const [plenty, scarce] = [await newProduct(request, seller, 5), await newProduct(request, seller, 1)];
    const buyer = await newShopper(request);
    const res = await checkout(request, buyer, {
      lines: [
        { productId: plenty.id, quantity: 1 },
        { productId: scarce.id, quantity: 2 },
      ],
      idempotencyKey: key(),
    });
    expect(res.status()).toBe(409);
    const body = (await res.json()) as TOutOfStock;
    expect(body.error.code).toBe("OUT_OF_STOCK");
    expect(body.error.productIds).toEqual([scarce.id]);
    expect([await stockOf(request, plenty.id), await stockOf(request, scarce.id)]).toEqual([5, 1]);
  });

  test("bad input gets a clear 4xx and changes nothing", async ({ request, playwright, baseURL }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 3);
    const buyer = await newShopper(request);
    const line = { productId: product.id, quantity: 1 };
    const cases: [unknown, number, string][] = [
      [{}, 400, "INVALID"],
      [{ lines: [], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: "all", idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [line] }, 400, "INVALID"],
      [{ lines: [line], idempotencyKey: "short" }, 400, "INVALID"],
      [{ lines: [line], idempotencyKey: "has spaces in it" }, 400, "INVALID"],
      [{ lines: [{ ...line, quantity: 0 }], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [{ ...line, quantity: 100 }], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [{ ...line, quantity: 1.5 }], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [{ ...line, quantity: "1" }], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [line, line], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [{ ...line, color: "red" }], idempotencyKey: key() }, 400, "INVALID"],
      [{ lines: [line], idempotencyKey: key(), coupon: "FREE" }, 400, "INVALID"],
      [
        {
          lines: Array.from({ length: 21 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })),
          idempotencyKey: key(),
        },
        400,
        "INVALID",
      ],
      [{ lines: [{ ...line, unitPriceMinor: 1 }], idempotencyKey: key() }, 400, "PRICE_NOT_ALLOWED"],
      [{ lines: [line], idempotencyKey: key(), totalMinor: 1 }, 400, "PRICE_NOT_ALLOWED"],
      [{ lines: [{ productId: "no-such-product", quantity: 1 }], idempotencyKey: key() }, 404, "NOT_FOUND"],
      [{ lines: [line], idempotencyKey: key(), roomId: "no-such-show" }, 404, "NOT_FOUND"],
    ];
    for (const [data, status, code] of cases) {
      const res = await checkout(request, buyer, data);
      expect(res.status(), JSON.stringify(data).slice(0, 120)).toBe(status);
      expect(((await res.json()) as TErrorBody).error.code).toBe(code);
    }
    const malformed = await request.post("/api/checkout", {
      headers: { ...buyer.headers, "content-type": "application/json" },
      data: "{ not json",
    });
    expect(malformed.status()).toBe(400);
    const stranger = await anonymous(playwright, baseURL);
    expect(
      (await stranger.post("/api/checkout", { data: { lines: [line], idempotencyKey: key() } })).status(),
    ).toBe(401);
    await stranger.dispose();
    expect(await stockOf(request, product.id)).toBe(3);
  });
});

async function fillCheckout(page: Page): Promise<void> {
  const drawer = page.getByRole("dialog", { name: "Checkout" });
  const fields = {
    "Full name": "Jisoo Kim",
    Phone: "+82 10-1234-5678",
    City: "Seoul",
    "Postal code": "04524",
  };
  for (const [label, value] of Object.entries(fields))
    await drawer.getByLabel(label, { exact: true }).fill(value);
  await drawer.getByLabel("Address", { exact: true }).fill("1 Sejong-daero");
  await drawer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await drawer.getByLabel("Expiry month").fill("12");
  await drawer.getByLabel("Expiry year").fill("2030");
  await drawer.getByLabel("Security code").fill("123");
}

test("a buyer who loses the race is told which line sold out and buys the rest in one click; the card greys out", async ({
  browser,
  request,
}) => {
  const seller = await apiSignIn(request, DEMO.seller.email);
  const tag = Date.now().toString(36);
  const named = async (name: string, stock: number, priceMinor: number) => {
    const p = await newProduct(request, seller, stock, priceMinor);
    expect(
      (await request.patch(`/api/products/${p.id}`, { headers: seller.headers, data: { name } })).status(),
    ).toBe(200);
    return { ...p, name };
  };
  const lastOne = await named(`Last scarf ${tag}`, 1, 30000);
  const mug = await named(`Race mug ${tag}`, 10, 12000);
  const page = await browser.newPage();
  const { slug } = await createShowInStudio(page, "Race e2e");
  await page.close();
  const roomId = ((await (await request.get(`/api/rooms/${slug}`)).json()) as { id: string }).id;
  const attach = await request.put(`/api/rooms/${roomId}/products`, {
    headers: seller.headers,
    data: { productIds: [lastOne.id, mug.id] },
  });
  expect(attach.status()).toBe(200);

  const email = uniqueEmail("race");
  expect(
    (
      await request.post("/api/users", { data: { email, password: "e2e-password-1", name: "Race Buyer" } })
    ).status(),
  ).toBe(201);
  const context = await browser.newContext();
  const shopper = await context.newPage();
  await signIn(shopper, email, "e2e-password-1", `/live/${slug}`);
  await expect(shopper.locator("section[data-room-id]")).toHaveAttribute("data-status", "connected", {
    timeout: 15_000,
  });
  const card = (id: string) => shopper.getByTestId("product-list").locator(`li[data-product-id="${id}"]`);
  await card(lastOne.id)
    .getByRole("button", { name: `Add to cart: ${lastOne.name}` })
    .click();
  await shopper.getByRole("dialog", { name: "Cart" }).getByRole("button", { name: "Close cart" }).click();
  await card(mug.id)
    .getByRole("button", { name: `Add to cart: ${mug.name}` })
    .click();
  await shopper.getByRole("dialog", { name: "Cart" }).getByRole("button", { name: "Checkout" }).click();
  await fillCheckout(shopper);

  // Someone else takes the last scarf while this buyer is typing.
  const rival = await newShopper(request);
  const taken = await checkout(request, rival, {
    lines: [{ productId: lastOne.id, quantity: 1 }],
    idempotencyKey: key(),
  });
  expect(taken.status()).toBe(201);
  // Every viewer's card greys out at once (product:update through the chat tier).
  await expect(card(lastOne.id)).toHaveAttribute("data-sold-out", "true", { timeout: 5_000 });

  await shopper.getByRole("button", { name: "Pay ₩42,000" }).click();
  const drawer = shopper.getByRole("dialog", { name: "Checkout" });
  await expect(drawer.getByRole("alert")).toContainText(`Someone was faster: ${lastOne.name} just sold out.`);
  expect(await stockOf(request, mug.id)).toBe(10); // nothing of the cart was reserved
  await drawer.getByRole("button", { name: "Buy the other 1 item" }).click();
  await expect(shopper.getByText("Thank you! Your order is confirmed.")).toBeVisible();
  expect(await stockOf(request, mug.id)).toBe(9);
  await context.close();
});
