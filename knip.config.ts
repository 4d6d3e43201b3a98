import type { KnipConfig } from "knip";

// `npm run knip` (in `npm test`): dead files, exports and dependencies. Next.js routes, vitest tests and
// configs, Playwright specs and the Prisma configs are found by knip's plugins; the entries below are the
// programs they cannot see.
const config: KnipConfig = {
  entry: [
    "scripts/*.ts",
    // Every tier's process: `npm run start:*` and scripts/start.ts spawn these by path.
    "server/**/main.ts",
    "bench/*.ts",
    // bench/chat/targets.ts spawns the comparison servers by path.
    "bench/baselines/{plain-socketio,redis-socketio,raw-ws}.ts",
    // server/commerce/multi-process.test.ts spawns it by path.
    "server/commerce/test/order-worker.ts",
    // The vitest configs alias `server-only` to it (resolve.alias, which knip does not follow).
    "lib/test/server-only-stub.ts",
  ],
  // A constant exported for its tests or readers and used in its own module is not dead.
  ignoreExportsUsedInFile: true,
  // The PostgreSQL Prisma client, generated into node_modules by `npm run db:generate` (not a package).
  ignoreDependencies: ["@onair/prisma-pg"],
  // server/test/fresh-database.ts runs the system's psql for the PostgreSQL tests.
  ignoreBinaries: ["psql"],
  vitest: {
    // The fault and hostile suites have their own configs and file patterns.
    config: ["vitest.config.mts", "vitest.faults.config.mts", "vitest.hostile.config.mts"],
  },
  prisma: {
    config: ["prisma.config.ts", "prisma/postgres/prisma.config.ts"],
  },
};

export default config;
