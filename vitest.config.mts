import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * What every suite shares (this one, `vitest.faults.config.mts`, `vitest.hostile.config.mts`): the `@`
 * alias, `server-only` stubbed, node, and files one at a time on 2 cores, since integration tests start
 * real processes. Each suite names its own files and how long its tests and hooks may take.
 */
export function suiteConfig(suite: {
  include: string[];
  exclude?: string[];
  testTimeout: number;
  hookTimeout: number;
}) {
  return defineConfig({
    resolve: {
      alias: {
        "@": path.resolve(import.meta.dirname),
        "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
      },
    },
    test: { environment: "node", fileParallelism: false, ...suite },
  });
}

export default suiteConfig({
  include: ["**/*.test.ts"],
  exclude: ["node_modules/**", ".next/**", "e2e/**", "data/**"],
  // Integration tests start real processes: give them room.
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
