import { describe, expect, it } from "vitest";
import { ZCspConnectSrc } from "@/server/env";
import { contentSecurityPolicy } from "@/server/web/content-security-policy";

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts only with this answer's nonce, and adds CSP_CONNECT_SRC to connect-src", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, connectSrc: "https://chat.example.com" });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'; ");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/connect-src [^;]* https:\/\/chat\.example\.com;/);
  });

  it("refuses a CSP_CONNECT_SRC that could end the directive or add another", () => {
    for (const bad of ["https://a.example; script-src *", "'unsafe-inline'", "https://a.example,https://b"])
      expect(ZCspConnectSrc.safeParse(bad).success).toBe(false);
    expect(ZCspConnectSrc.safeParse("https://a.example wss://b.example").success).toBe(true);
  });
});
