import { suiteConfig } from "./vitest.config.mts";

/**
 * `npm run test:faults`: the fault suite (server/faults/*.fault.ts), kept out of `npm test`. It kills and
 * restarts real processes (and PostgreSQL when TEST_POSTGRES_URL is set) under load; see docs/OPERATIONS.md.
 */
export default suiteConfig({
  include: ["server/faults/**/*.fault.ts"],
  testTimeout: 120_000,
  hookTimeout: 120_000,
});
