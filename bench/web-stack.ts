/**
 * A production build of the app on a seeded database, for the browser benchmarks and screenshots: a new
 * PostgreSQL (or PGlite) database with BENCH_WORKOUTS synthetic workouts plus one real synced ride (1-second
 * series), a session row for the seeded rider (its cookie signs the browser in), and the production server (scripts/serve.mjs, as `npm start`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { localEnvironment } from "../scripts/lib/local-env";
import { isPortFree, run } from "../scripts/lib/proc";
import { openBenchDatabase } from "./bench-db";
import { assertSignedIn, benchSessionCookie } from "./bench-session";
import { seedHistory, seedRealWorkout } from "./seed-history";

export type WebStack = {
  base: string;
  /** The `Cookie` header value that signs the seeded rider in. */
  cookie: string;
  /** Path of the real ride with a 1-second series. */
  detailPath: string;
  databaseLabel: string;
  seedSeconds: number;
  stop: () => Promise<void>;
};

/** Every page a rider sees; `signedIn: false` pages are loaded without the cookie. */
export function stackPages(stack: Pick<WebStack, "detailPath">): { name: string; path: string; signedIn: boolean }[] {
  return [
    { name: "landing", path: "/", signedIn: false },
    { name: "sign-in", path: "/signin", signedIn: false },
    { name: "dashboard", path: "/dashboard", signedIn: true },
    { name: "history", path: "/workouts", signedIn: true },
    { name: "history-filtered", path: "/workouts?discipline=cycling&sort=output", signedIn: true },
    { name: "detail", path: stack.detailPath, signedIn: true },
    { name: "calendar", path: "/calendar", signedIn: true },
    { name: "fitness", path: "/fitness", signedIn: true },
    { name: "power", path: "/power", signedIn: true },
    { name: "settings", path: "/settings", signedIn: true },
    { name: "connections", path: "/connections", signedIn: true },
    { name: "trainingpeaks", path: "/trainingpeaks", signedIn: true },
  ];
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

/** `build: true` runs `next build` first (always); otherwise an existing build is required. */
export async function startWebStack(options: { port: number; workouts: number; build: boolean }): Promise<WebStack> {
  // Another server on the port would answer in place of ours (with another database): refuse instead.
  if (!(await isPortFree(options.port, "0.0.0.0"))) throw new Error(`port ${options.port} is already in use: stop that server or set BENCH_WEB_PORT`);
  const db = await openBenchDatabase();
  const base = `http://localhost:${options.port}`;
  const env = localEnvironment({ DATABASE_URL: db.url, APP_URL: base, AUTH_URL: base, LOG_LEVEL: "error" });
  Object.assign(env, { DATABASE_URL: db.url, APP_URL: base, AUTH_URL: base, LOG_LEVEL: process.env.BENCH_WEB_SERVER_LOG ? "debug" : "error", NODE_ENV: "production" });
  Object.assign(process.env, { DATABASE_URL: db.url, SEALING_KEYS: env.SEALING_KEYS, AUTH_SECRET: env.AUTH_SECRET, LOG_LEVEL: "error" });
  if (options.build) {
    const build = await run("npx", ["next", "build"], { env, quiet: true });
    if (build.code !== 0) throw new Error(`next build failed:\n${build.output.slice(-4000)}`);
  } else if (!existsSync(".next/BUILD_ID")) throw new Error("no production build (.next/BUILD_ID); run `npm run build` or drop --no-build");

  const { getDb, closeDb } = await import("../server/db/client");
  const prisma = await getDb();
  const user = await prisma.user.create({ data: { name: "Bench Rider", email: `bench-${Date.now()}@example.com` } });
  const t0 = performance.now();
  await seedHistory(prisma, user.id, options.workouts);
  const detailId = await seedRealWorkout(prisma, user.id);
  await prisma.$executeRawUnsafe("ANALYZE");
  const seedSeconds = (performance.now() - t0) / 1000;
  const cookie = await benchSessionCookie(prisma, user.id);
  await closeDb();

  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(options.port)], { env, stdio: process.env.BENCH_WEB_SERVER_LOG ? "inherit" : "ignore" });
  const stop = async () => {
    child.kill("SIGTERM");
    await db.drop().catch(() => undefined);
  };
  try {
    await waitForServer(`${base}/signin`, child);
    await assertSignedIn(base, cookie);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, cookie, detailPath: `/workouts/${detailId}`, databaseLabel: db.label, seedSeconds, stop };
}
