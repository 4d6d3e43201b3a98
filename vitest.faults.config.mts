import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:faults`: the fault suite (server/faults/*.fault.ts), kept out of `npm test`. It kills and
 * restarts real processes (and PostgreSQL when TEST_POSTGRES_URL is set) under load; see docs/OPERATIONS.md.
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
    include: ["server/faults/**/*.fault.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
