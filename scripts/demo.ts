/**
 * `npm run demo`: the whole app on http://localhost:3000 with an embedded database and both simulators.
 * Needs no .env: local secrets are generated under .data/ on first run.
 *   --dev        next dev (hot reload) instead of a production build
 *   --rebuild    force a fresh production build
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureLocalSecrets, localEnvironment } from "./lib/local-env";
import { isPortFree, run, startService, waitForHttp } from "./lib/proc";

const { values: flags } = parseArgs({ options: { dev: { type: "boolean" }, rebuild: { type: "boolean" } } });

const APP_PORT = 3000;
const TP_PORT = 4100;
const PELOTON_PORT = 4200;
const children: ChildProcess[] = [];

function fail(message: string): never {
  console.error(`\n✗ ${message}\n`);
  for (const c of children) c.kill("SIGTERM");
  process.exit(1);
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(
    ...["app", "components", "lib", "public"].map((d) => newestMtime(path.resolve(d))),
    ...["next.config.ts", "package.json", "postcss.config.mjs"].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)),
  );
  return sources > built;
}

async function main() {
  const secrets = ensureLocalSecrets();
  if (secrets.created) console.log(`• Generated local secrets in ${path.relative(process.cwd(), secrets.file)} (AUTH_SECRET, SEALING_KEYS)`);

  const appUrl = `http://localhost:${APP_PORT}`;
  const env = localEnvironment({
    DATABASE_URL: "pglite:./.data/pglite",
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    TRAININGPEAKS_SIMULATOR_URL: `http://localhost:${TP_PORT}`,
    PELOTON_SIMULATOR_URL: `http://localhost:${PELOTON_PORT}`,
  });
  if (!env.DATABASE_URL?.startsWith("pglite:") && !env.DATABASE_URL?.startsWith("postgres")) fail("DATABASE_URL is invalid.");

  for (const [port, what] of [
    [APP_PORT, "the app"],
    [TP_PORT, "the TrainingPeaks simulator"],
    [PELOTON_PORT, "the Peloton simulator"],
  ] as const) {
    if (!(await isPortFree(port))) fail(`Port ${port} (for ${what}) is already in use. Stop whatever runs there (another demo?) and try again.`);
  }

  console.log("• Applying database migrations (embedded PostgreSQL in .data/pglite)…");
  const migrate = await run("node", ["scripts/db.mjs", "migrate", "deploy"], { env, quiet: true });
  if (migrate.code !== 0) fail(`Database migration failed:\n${migrate.output}`);

  if (!flags.dev && (flags.rebuild || buildIsStale())) {
    console.log("• Building the app (first run or changed sources; about a minute)…");
    const build = await run("npx", ["next", "build"], { env: { ...env, NODE_ENV: "production" } });
    if (build.code !== 0) fail("The production build failed (see above).");
  }

  const tsx = path.resolve("node_modules/.bin/tsx");
  // the simulators keep tokens, uploads and added workouts here, so a restarted demo keeps its sign-ins and links
  const stateDir = path.resolve(".data/simulators");
  children.push(
    startService("trainingpeaks-sim", tsx, ["sandbox/trainingpeaks/main.ts", "--port", String(TP_PORT), "--redirect-uri", `${appUrl}/api/auth/callback/trainingpeaks`, "--state-dir", stateDir], env),
  );
  if (existsSync("sandbox/peloton/main.ts")) {
    children.push(startService("peloton-sim", tsx, ["sandbox/peloton/main.ts", "--port", String(PELOTON_PORT), "--state-dir", stateDir], env));
  }
  const next = path.resolve("node_modules/.bin/next");
  children.push(
    flags.dev
      ? startService("app", next, ["dev", "-p", String(APP_PORT)], { ...env, NODE_ENV: "development" })
      : startService("app", process.execPath, ["scripts/serve.mjs", "-p", String(APP_PORT)], { ...env, NODE_ENV: "production" }),
  );
  for (const child of children) {
    child.on("exit", (code, signal) => {
      if (!shuttingDown) fail(`A demo process exited unexpectedly (code ${code ?? signal}). See its log lines above.`);
    });
  }

  // the admin index answers 200 and isn't logged (an API path would log a 401 on every start)
  if (!(await waitForHttp(`http://localhost:${TP_PORT}/__admin`, 30_000))) fail("The TrainingPeaks simulator did not start.");
  if (!(await waitForHttp(`${appUrl}/signin`, 120_000))) fail("The app did not start within 2 minutes.");

  console.log(`
────────────────────────────────────────────────────────────
  AutoCoach is running:  ${appUrl}

  Sign in: click "Sign in with TrainingPeaks", then "Authorize"
           on the simulator's consent page (athlete: Demo Athlete,
           FTP 265 W). No real account is needed.
  Peloton demo member (Connections page):
           email     demo.rider@example.com
           password  ride-on-demo

  Simulators: TrainingPeaks http://localhost:${TP_PORT} · Peloton http://localhost:${PELOTON_PORT}
  Data: .data/ (delete it to start over).  Stop: Ctrl+C
────────────────────────────────────────────────────────────
`);
}

let shuttingDown = false;
function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const c of children) c.kill("SIGTERM");
  setTimeout(() => process.exit(0), 1500).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
