import { suiteConfig } from "./vitest.config.mts";

/**
 * `npm run test:hostile`: the hostile-input suite (server/hostile/*.hostile.ts), kept out of `npm test`. It
 * starts the whole system with `scripts/start.ts` (web, chat master, two slaves, a media node) on its own
 * ports and a fresh SQLite file, and attacks every surface (docs/SECURITY.md). Needs a web build: reuses
 * `.next` when it is current (the e2e suite builds it), else start.ts builds it (about two minutes).
 */
export default suiteConfig({
  include: ["server/hostile/**/*.hostile.ts"],
  testTimeout: 180_000,
  hookTimeout: 420_000,
});
