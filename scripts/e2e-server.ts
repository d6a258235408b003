/**
 * The app as Playwright runs it: a fresh embedded database (wiped and migrated), the production
 * build (built here if missing), the production server (scripts/serve.mjs) on the e2e port, wired to the e2e simulators.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_APP_PORT, E2E_APP_URL, E2E_PELOTON_URL, E2E_TILE_URL, E2E_TP_URL } from "../e2e/ports";
import { localEnvironment } from "./lib/local-env";
import { run } from "./lib/proc";

const dbDir = path.resolve(".data/e2e-pglite");
rmSync(dbDir, { recursive: true, force: true });
const env = localEnvironment({
  DATABASE_URL: `pglite:${dbDir}`,
  APP_URL: E2E_APP_URL,
  AUTH_URL: E2E_APP_URL,
  TRAININGPEAKS_SIMULATOR_URL: E2E_TP_URL,
  PELOTON_SIMULATOR_URL: E2E_PELOTON_URL,
  LOG_LEVEL: "warn",
  // Short steps so the e2e sees progress (and can reload mid-sync).
  SYNC_STEP_BUDGET_MS: "3000",
});
env.DATABASE_URL = `pglite:${dbDir}`;
env.APP_URL = E2E_APP_URL;
env.AUTH_URL = E2E_APP_URL;
env.TRAININGPEAKS_SIMULATOR_URL = E2E_TP_URL;
env.PELOTON_SIMULATOR_URL = E2E_PELOTON_URL;
// Route maps over the tile simulator's tiles (sandbox/tiles): the CSP must let them in.
env.MAP_TILE_URL = `${E2E_TILE_URL}/{z}/{x}/{y}.png`;
env.MAP_TILE_ATTRIBUTION = "Tiles: AutoCoach test tile server";

const migrate = await run("node", ["scripts/db.mjs", "migrate", "deploy"], { env, quiet: true });
if (migrate.code !== 0) {
  console.error(migrate.output);
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  const build = await run("npx", ["next", "build"], { env: { ...env, NODE_ENV: "production" } });
  if (build.code !== 0) process.exit(1);
}
const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(E2E_APP_PORT)], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
