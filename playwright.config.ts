import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs the whole system (`npm start`: web, chat master, two slaves, a media node and the demo
// show's live source) on its own ports and a fresh SQLite file, and drives Debian's Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3310);
const MASTER_PORT = PORT + 10;
const SLAVE_BASE_PORT = PORT + 11;
const MEDIA_BASE_PORT = PORT + 30;
// SQLite by default; E2E_DATABASE_URL runs the same suite against PostgreSQL (CI does both).
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${PORT}.db`;
export const baseURL = `http://localhost:${PORT}`;

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: [/readme\//, /node-restart/],
    },
    // Kills the suite's only media node: it runs alone, after every spec that plays video.
    {
      name: "media-restart",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /node-restart/,
      dependencies: ["chromium"],
    },
    // The README screenshot chats in demo-live: it runs after every other spec has left the room as seeded.
    {
      name: "readme",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /readme\//,
      dependencies: ["media-restart"],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/reset-db.ts && node --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PUBLIC_URL: baseURL,
      CHAT_MASTER_PORT: String(MASTER_PORT),
      CHAT_SLAVE_BASE_PORT: String(SLAVE_BASE_PORT),
      CHAT_SLAVES: "2",
      MEDIA_BASE_PORT: String(MEDIA_BASE_PORT),
      DATABASE_URL,
      LOG_LEVEL: "warn",
      // The suite signs up and signs in from one address all run long: generous limits, never switched off.
      SIGNUP_LIMIT_PER_HOUR: "5000",
      SIGNIN_FAILURES_PER_ADDRESS: "5000",
      SIGNIN_FAILURES_PER_ACCOUNT: "50",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
