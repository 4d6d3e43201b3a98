import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/api/openapi";

// Every endpoint of the public contract's HTTP section (CONTRACT.md, kept outside this repository).
const CONTRACT_ENDPOINTS = [
  "POST /api/session",
  "DELETE /api/session",
  "POST /api/users",
  "GET /api/rooms",
  "GET /api/rooms/:id",
  "GET /api/chat/nodes",
  "GET /api/rooms/:id/chat-node",
  "PATCH /api/rooms/:id/chat",
  "POST /api/rooms/:id/notices",
  "DELETE /api/rooms/:id/messages/:messageId",
  "POST /api/rooms/:id/sanctions",
  "DELETE /api/rooms/:id/sanctions/:userId",
  "POST /api/rooms/:id/pin",
  "POST /api/orders",
  "GET /api/orders",
  "POST /api/products",
  "PUT /api/rooms/:id/products",
  "POST /api/rooms/:id/deals",
  "DELETE /api/rooms/:id/deals/:productId",
  "POST /api/checkout",
  "POST /api/rooms/:id/auctions",
  "GET /api/rooms/:id/auctions",
  "POST /api/rooms/:id/giveaways",
  "GET /api/health",
];

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3 document of every endpoint in the public contract", async () => {
    const doc = JSON.parse(JSON.stringify(await openApiDocument())) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe("OnAir API");
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect(listed).toEqual(expect.arrayContaining(CONTRACT_ENDPOINTS));
    expect(listed).toContain("GET /api/openapi.json");
  });

  it("documents a request body's schema and the error body", async () => {
    const doc = (await openApiDocument()) as unknown as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const create = doc.paths["/products"]?.post;
    expect(JSON.stringify(create?.requestBody)).toContain("priceMinor");
    expect(Object.keys(create?.responses ?? {})).toContain("201");
  });

  it("files every operation under one feature's tag", async () => {
    const doc = (await openApiDocument()) as unknown as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const untagged = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.length !== 1)
        .map(([method]) => `${method} ${path}`),
    );
    expect(untagged).toEqual([]);
    expect(doc.paths["/rooms/{id}/auctions"]?.get?.tags).toEqual(["auctions"]);
  });

  it("is generated once per process", async () => {
    expect(await openApiDocument()).toBe(await openApiDocument());
  });
});
