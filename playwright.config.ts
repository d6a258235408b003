import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_APP_URL, E2E_PELOTON_PORT, E2E_TILE_PORT, E2E_TP_PORT } from "./e2e/ports";

// Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `npx tsx sandbox/trainingpeaks/main.ts --port ${E2E_TP_PORT} --redirect-uri ${E2E_APP_URL}/api/auth/callback/trainingpeaks`,
      url: `http://localhost:${E2E_TP_PORT}/__admin`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ...(existsSync("sandbox/peloton/main.ts")
      ? [
          {
            command: `npx tsx sandbox/peloton/main.ts --port ${E2E_PELOTON_PORT}`,
            url: `http://localhost:${E2E_PELOTON_PORT}/__admin/stats`,
            reuseExistingServer: false,
            timeout: 30_000,
          },
        ]
      : []),
    {
      command: `npx tsx sandbox/tiles/main.ts --port ${E2E_TILE_PORT}`,
      url: `http://localhost:${E2E_TILE_PORT}/__admin/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `${E2E_APP_URL}/signin`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
