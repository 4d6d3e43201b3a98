import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, uniqueEmail } from "../support/auth";

export type TAccount = { id: string; name: string; token: string; email: string };

/** A signed-in token for an existing account. */
export async function tokenOf(request: APIRequestContext, email: string): Promise<TAccount> {
  const res = await request.post("/api/session", { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const json = (await res.json()) as { token: string; user: { id: string; name: string } };
  return { id: json.user.id, name: json.user.name, token: json.token, email };
}

/** A brand-new account (SHOPPER, or SELLER when asked). */
export async function signUp(request: APIRequestContext, name: string, role?: "SELLER"): Promise<TAccount> {
  const email = uniqueEmail(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  const res = await request.post("/api/users", {
    data: { email, password: DEMO_PASSWORD, name, ...(role ? { role } : {}) },
  });
  expect(res.status(), await res.text()).toBe(201);
  const json = (await res.json()) as { token: string; user: { id: string; name: string } };
  return { id: json.user.id, name: json.user.name, token: json.token, email };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function roomIdOf(request: APIRequestContext, slug: string): Promise<string> {
  const rooms = (await (await request.get("/api/rooms")).json()) as { id: string; slug: string }[];
  const room = rooms.find((r) => r.slug === slug);
  if (!room) throw new Error(`no show ${slug}`);
  return room.id;
}
