import { expect, test } from "@playwright/test";

/** The script-src directive of a CSP header. */
function scriptSrc(csp: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src ")) ?? ""
  );
}

test("pages carry a fresh script nonce: no inline script runs without it", async ({ request }) => {
  const [a, b] = [await request.get("/"), await request.get("/")];
  const [cspA, cspB] = [
    a.headers()["content-security-policy"] ?? "",
    b.headers()["content-security-policy"] ?? "",
  ];
  expect(scriptSrc(cspA)).toMatch(/'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
  expect(scriptSrc(cspA)).not.toContain("unsafe-inline");
  expect(scriptSrc(cspA)).not.toEqual(scriptSrc(cspB));
  // Every script Next.js wrote into the page, inline or not, carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(cspA)![1]!;
  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("the page hydrates under the policy, and injected markup cannot run script", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(e.effectiveDirective);
    });
  });
  await page.goto("/login");
  // Next.js's client bootstrap ran (it sets window.next) and the page hydrated without one violation.
  await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version);
  await expect(page.getByLabel("Email")).toBeEditable();
  expect(violations).toEqual([]);

  // What a stored XSS would try: an inline event handler in markup that reached the DOM.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", '<img src="/nope.png" onerror="window.__pwned = 1">'),
  );
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(violations).toContain("script-src-attr");
});
