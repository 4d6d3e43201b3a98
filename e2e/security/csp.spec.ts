import { createHash } from "node:crypto";
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

test("pages rendered per request carry a fresh script nonce: no inline script runs without it", async ({
  request,
}) => {
  const [a, b] = [await request.get("/login"), await request.get("/login")];
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

test("cached pages trust exactly their own inline scripts by hash, the same for everyone", async ({
  request,
}) => {
  for (const path of ["/", "/live/demo-live"]) {
    const res = await request.get(path);
    const csp = scriptSrc(res.headers()["content-security-policy"] ?? "");
    expect(csp).not.toMatch(/unsafe-inline|nonce-|strict-dynamic/);
    const html = await res.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/\ssrc=/.test(m[1] ?? ""),
    );
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline)
      expect(csp).toContain(
        `'sha256-${createHash("sha256")
          .update(m[2] ?? "")
          .digest("base64")}'`,
      );
    expect(html).not.toContain("nonce=");
    expect(res.headers()["cache-control"]).toMatch(/public.*s-maxage=1/);
  }
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

test("a cached page hydrates under its hash policy: every inline script it holds runs", async ({ page }) => {
  const blocked: string[] = [];
  await page.exposeFunction("reportBlocked", (v: string) => blocked.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      // zod's feature probe tries `Function("")` once and falls back: refused, as it should be.
      if (e.blockedURI !== "eval")
        (window as unknown as { reportBlocked(v: string): void }).reportBlocked(
          `${e.effectiveDirective} ${e.blockedURI}`,
        );
    });
  });
  for (const path of ["/", "/live/demo-live"]) {
    await page.goto(path);
    await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version);
  }
  // Hydrated: the header asked /api/me and shows a guest the way in.
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect(blocked).toEqual([]);
});
