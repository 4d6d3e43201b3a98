// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
// One list for Next.js's answers and the web server's own (server/web/room-json.ts).
const securityHeaders = require("./server/web/security-headers.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only modules stay outside the bundle: they are loaded by Node at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@onair/prisma-pg",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "bcryptjs",
    "@node-rs/argon2",
  ],
  // The API answers JSON errors itself; keep URLs exactly as clients send them.
  skipTrailingSlashRedirect: true,
  // `npm run typecheck` checks the whole repo (server tiers, tests, scripts) before any build in `npm test`;
  // checking it again inside `next build` costs a minute on 2 cores and adds nothing.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` renders app/forbidden.tsx with a real 403 status for wrong-role pages.
  experimental: { authInterrupts: true },
  async headers() {
    // The Content-Security-Policy is set per request by the web server (server/web/content-security-policy.ts):
    // its script nonce changes on every page.
    return [
      {
        source: "/:path*",
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value: String(value) })),
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
