import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { DEMO_PASSWORD, uniqueEmail } from "../support/auth";

export type TAuth = { token: string; userId: string; headers: { authorization: string } };
export type TErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** Signs in over the API and returns the bearer header. */
export async function apiSignIn(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<TAuth> {
  const res = await request.post("/api/session", { data: { email, password } });
  expect(res.status(), `sign in ${email}`).toBe(200);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
}

/** A brand-new shopper account. */
export async function newShopper(request: APIRequestContext): Promise<TAuth> {
  const res = await request.post("/api/users", {
    data: { email: uniqueEmail("buyer"), password: "e2e-password-1", name: "E2E Buyer" },
  });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
}

export type TProduct = { id: string; stock: number; priceMinor: number; archived: boolean };

/** A product in the demo seller's catalog with `stock` units. */
export async function newProduct(
  request: APIRequestContext,
  seller: TAuth,
  stock: number,
  priceMinor = 10000,
): Promise<TProduct> {
  const res = await request.post("/api/products", {
    headers: seller.headers,
    data: { name: `E2E product ${Date.now().toString(36)}`, priceMinor, stock, currency: "KRW" },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { product: TProduct }).product;
}

export async function stockOf(request: APIRequestContext, productId: string): Promise<number> {
  const res = await request.get(`/api/products/${productId}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { product: TProduct }).product.stock;
}

/**
 * A request context with no cookies: the `request` fixture keeps the session cookie that sign-in sets,
 * so "not signed in" calls need their own context.
 */
export function anonymous(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL });
}
