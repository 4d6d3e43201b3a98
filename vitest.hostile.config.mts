import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:hostile`: the hostile-input suite (server/hostile/*.hostile.ts), kept out of `npm test`. It
 * starts the whole system with `scripts/start.ts` (web, chat master, two slaves, a media node) on its own
 * ports and a fresh SQLite file, and attacks every surface (docs/SECURITY.md). Needs a web build: reuses
 * `.next` when it is current (the e2e suite builds it), else start.ts builds it (about two minutes).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["server/hostile/**/*.hostile.ts"],
    testTimeout: 180_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
