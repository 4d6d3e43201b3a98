import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "@/server/web/inline-script-hashes";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("inline script hashes for a cached page's CSP", () => {
  it("hashes each inline script's exact text once, and skips scripts loaded by src", () => {
    const a = 'self.__next_f.push([1,"a&amp;b"])';
    const html = `<html><head><script src="/_next/static/x.js" async=""></script></head><body>
      <script>${a}</script><SCRIPT type="module">${a}</SCRIPT><script id="b">
let x = "</div>";</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(a), sha('\nlet x = "</div>";')]);
  });

  it("finds none in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>no <b>scripts</b></p><script src="/a.js"></script>')).toEqual([]);
  });
});
