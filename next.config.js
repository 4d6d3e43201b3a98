// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
    // CSP. Scripts: Next.js inlines its bootstrap scripts, so 'unsafe-inline' (no nonces); dev adds
    // 'unsafe-eval' for React Refresh. connect-src: the chat slaves live on other origins (ports or hosts
    // known only at run time) and are reached over WebSocket only, so any ws:/wss: plus local http for dev
    // tools; CSP_CONNECT_SRC (read at build time) adds more sources, e.g. "https://chat.example.com".
    // hls.js plays from blob: media and may start a blob: worker; images are our own, data: or blob:.
    const dev = process.env.NODE_ENV !== "production";
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "media-src 'self' blob:",
      "worker-src 'self' blob:",
      `connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*${process.env.CSP_CONNECT_SRC ? ` ${process.env.CSP_CONNECT_SRC}` : ""}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
