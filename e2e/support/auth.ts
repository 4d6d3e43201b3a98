import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "onair-demo";

export const DEMO = {
  admin: { email: "admin@onair.test", name: "OnAir Admin" },
  seller: { email: "seller@onair.test", name: "Mina's Picks" },
  shopper: { email: "shopper@onair.test", name: "Jisoo" },
  shopper2: { email: "shopper2@onair.test", name: "Alex" },
} as const;

/** An email no test has used before. */
export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@onair.test`;
}

/** Signs in through the /login form, as a person would, and waits for the account menu. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  next?: string,
): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  // Signing in hashes the password (scrypt) and the page re-renders signed in: on CI's loaded 2-core machine
  // "Signing in…" was seen for more than the default 10 s while other browsers of the journey were busy.
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible({ timeout: 30_000 });
}

/** Creates an account through the /signup form, ticking "I want to sell" when `seller`. */
export async function signUp(page: Page, name: string, email: string, seller = false): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("long-enough-pw");
  if (seller) await page.getByLabel("I want to sell").check();
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs out through the account menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
