import "@/server/commerce/test/fresh-db";
import { describe, expect, it } from "vitest";
import { callApi as call } from "@/server/api/test/call-api";
import { createSession } from "@/server/auth/sessions";
import { makeProduct, makeShow, makeUser } from "@/server/commerce/test/fixtures";

const seller = async () => (await createSession((await makeUser("SELLER")).id)).token;

describe("the API through the contract (app/api/[[...path]] → oRPC)", () => {
  it("answers an unknown path with the contract's 404 NOT_FOUND JSON", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await call(method, "/no-such-thing");
      expect(res.status).toBe(404);
      expect(res.json).toEqual({
        error: { code: "NOT_FOUND", message: "There is no API endpoint at this path." },
      });
    }
  });

  it("answers a bad body with 400 INVALID naming each bad field, after the role check", async () => {
    const body = JSON.stringify({ name: "", priceMinor: 1.5, stock: 3, colour: "red" });
    expect((await call("POST", "/products", { body })).status).toBe(401);
    const res = await call("POST", "/products", { token: await seller(), body });
    expect(res.status).toBe(400);
    const error = res.json.error as { code: string; fields: Record<string, string> };
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fields).sort()).toEqual(["_", "name", "priceMinor"]);
    expect(error.fields.name).toBe("Enter a product name.");
  });

  it("keeps the body rules of every JSON route: not JSON, or a lone surrogate, is 400 INVALID", async () => {
    const token = await seller();
    for (const body of ["{not json", '{"name":"\\ud800"}']) {
      const res = await call("POST", "/products", { token, body });
      expect(res.status, body).toBe(400);
      expect(res.json).toMatchObject({ error: { code: "INVALID" } });
    }
  });

  it("refuses a body nested 30,000 deep (60 KB) with 400 INVALID, where re-serialising it overflowed the stack (a 500)", async () => {
    const token = await seller();
    const deep = "[".repeat(30_000) + "]".repeat(30_000);
    for (const body of [deep, `{"productId":"x","quantity":1,"note":${deep}}`]) {
      const res = await call("POST", "/orders", { token, body });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        error: { code: "INVALID", message: "The request body is nested too deeply." },
      });
    }
    const shallow = await call("POST", "/products", { token, body: JSON.stringify({ name: [[[["a"]]]] }) });
    expect(shallow.json).toMatchObject({ error: { code: "INVALID", message: "Some fields are not valid." } });
  });

  it("serves a feature with its status codes: 201 on create, the product back on read", async () => {
    const token = await seller();
    const created = await call("POST", "/products", {
      token,
      body: JSON.stringify({ name: "Mug", priceMinor: 12000, stock: 4 }),
    });
    expect(created.status).toBe(201);
    const product = created.json.product as { id: string; name: string; archived: boolean };
    expect(product).toMatchObject({ name: "Mug", archived: false });
    const read = await call("GET", `/products/${product.id}`);
    expect(read).toMatchObject({ status: 200, json: { product: { id: product.id, stock: 4 } } });
    const list = await call("GET", "/products", { token });
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect(list.json.products).toHaveLength(1);
  });

  it("keeps a domain error's status, code and extra fields", async () => {
    const other = await seller();
    const created = await call("POST", "/products", {
      token: await seller(),
      body: JSON.stringify({ name: "Lamp", priceMinor: 5000, stock: 1 }),
    });
    const { id } = created.json.product as { id: string };
    const res = await call("PATCH", `/products/${id}`, { token: other, body: JSON.stringify({ stock: 2 }) });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: { code: "FORBIDDEN", message: "You do not have permission to do this." },
    });
    expect((await call("GET", `/products/${"x".repeat(101)}`)).json).toMatchObject({
      error: { code: "INVALID", fields: { id: expect.any(String) as string } },
    });
  });

  it("places an order: 201, 200 for the same Idempotency-Key, 409 OUT_OF_STOCK with its productIds", async () => {
    const token = (await createSession((await makeUser()).id)).token;
    const product = await makeProduct({ stock: 2 });
    const order = (quantity: number, key: string) =>
      call("POST", "/orders", {
        token,
        headers: { "idempotency-key": key },
        body: JSON.stringify({ productId: product.id, quantity }),
      });
    const first = await order(2, "key-00000001");
    expect(first).toMatchObject({ status: 201, json: { order: { productId: product.id, quantity: 2 } } });
    const again = await order(2, "key-00000001");
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const refused = await order(1, "key-00000002");
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      error: {
        code: "OUT_OF_STOCK",
        message: "Sorry, there is not enough stock left for this order.",
        productIds: [product.id],
      },
    });
    const priced = await call("POST", "/orders", {
      token,
      body: JSON.stringify({ productId: product.id, quantity: 1, priceMinor: 1 }),
    });
    expect(priced).toMatchObject({ status: 400, json: { error: { code: "PRICE_NOT_ALLOWED" } } });
    const mine = await call("GET", "/orders", { token });
    expect(mine.headers.get("cache-control")).toBe("no-store");
    expect(mine.json.orders).toHaveLength(1);
  });

  it("lets only the show's staff run it: 401, 403, then the body judged, then done", async () => {
    const owner = await makeUser("SELLER");
    const product = await makeProduct({ stock: 3, sellerId: owner.id });
    const room = await makeShow(owner.id, [product.id]);
    const token = (await createSession(owner.id)).token;
    const pin = (body: unknown, as?: string) =>
      call("POST", `/rooms/${room.id}/pin`, { body: JSON.stringify(body), ...(as ? { token: as } : {}) });
    expect((await pin({ productId: product.id })).status).toBe(401);
    expect((await pin({ productId: product.id }, await seller())).status).toBe(403);
    expect(await pin({ productId: 5 }, token)).toMatchObject({
      status: 400,
      json: { error: { code: "INVALID", fields: { productId: expect.any(String) as string } } },
    });
    expect(await pin({ productId: product.id }, token)).toMatchObject({
      status: 200,
      json: { roomId: room.id, pinnedProductId: product.id },
    });
    expect((await call("POST", "/rooms/no-such-show/pin", { token, body: "{}" })).json).toMatchObject({
      error: { code: "NOT_FOUND" },
    });
    expect((await call("GET", "/rooms/no-such-show/deals")).status).toBe(404);
    expect((await call("GET", `/rooms/${room.id}/deals`)).json).toEqual({ deals: [] });
  });

  it("answers a known path asked with another method 405 METHOD_NOT_ALLOWED with Allow", async () => {
    const res = await call("PUT", "/orders");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, GET");
    expect(res.json).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });
});
