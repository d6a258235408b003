/**
 * `npm test`: typecheck, lint, migration check, unit, integration (embedded PGlite + in-process KV),
 * integration again on a real PostgreSQL server and the Upstash KV path on a real Redis when reachable,
 * then e2e in Debian's Chromium. Says what it skipped and why; with AUTOCOACH_REQUIRE_SERVICES=1
 * (set by .ci/run) a missing service or browser is a failure, never a silent skip.
 *   npm test -- --only unit,integration     run a subset
 *   npm test -- --skip e2e                  skip stages
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureLocalSecrets } from "./lib/local-env";
import { ensureChromium } from "./lib/chromium";
import { canConnect, run } from "./lib/proc";

const { values } = parseArgs({ options: { only: { type: "string" }, skip: { type: "string" } } });
const only = values.only?.split(",").map((s) => s.trim());
const skip = new Set(values.skip?.split(",").map((s) => s.trim()) ?? []);
const wanted = (stage: string) => (!only || only.includes(stage)) && !skip.has(stage);
const required = process.env.AUTOCOACH_REQUIRE_SERVICES === "1";

interface StageResult {
  name: string;
  status: "passed" | "failed" | "skipped";
  seconds: number;
  note?: string;
}
const results: StageResult[] = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = path.resolve("test-results/reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

function banner(text: string) {
  console.log(`\n━━ ${text} ${"━".repeat(Math.max(0, 70 - text.length))}`);
}

async function stage(name: string, fn: () => Promise<{ ok: boolean; note?: string } | "skip">, skipNote?: string) {
  if (!wanted(name.split(" ")[0]!)) return;
  banner(name);
  const started = Date.now();
  const outcome = await fn();
  const seconds = (Date.now() - started) / 1000;
  if (outcome === "skip") {
    results.push({ name, status: "skipped", seconds, note: skipNote });
    console.log(`↷ skipped: ${skipNote}`);
    return;
  }
  results.push({ name, status: outcome.ok ? "passed" : "failed", seconds, note: outcome.note });
}

async function command(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ok: boolean }> {
  const r = await run(cmd, args, { env });
  return { ok: r.code === 0 };
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const json: { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += json.numPassedTests ?? 0;
  totals.failed += json.numFailedTests ?? 0;
  totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}

async function vitest(project: string, report: string, filters: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  const file = path.join(reportDir, `${report}.json`);
  const r = await command("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`, ...filters], env);
  countVitest(file);
  return r;
}

async function postgresServer(): Promise<string | undefined> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!(await canConnect(5432))) return undefined;
  const url = "postgresql://postgres@127.0.0.1:5432/postgres";
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const started = Date.now();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const secrets = ensureLocalSecrets().values;

  await stage("typecheck", () => command("npx", ["tsc", "--noEmit", "-p", "."]));
  await stage("lint", () => command("npx", ["eslint", "--max-warnings=0", "."]));
  await stage("db:check (schema.prisma has a migration for every change)", () => command("node", ["scripts/db.mjs", "migrate", "diff"]));
  await stage("unit", () => vitest("unit", "unit"));

  const redisUp = await canConnect(6379);
  await stage("integration (PGlite, in-process KV" + (redisUp ? ", Upstash→Redis" : "") + ")", async () => {
    if (!redisUp) {
      const msg = "Redis is not reachable on 127.0.0.1:6379: the Upstash KV tests are skipped (start redis-server, or set REDIS_URL).";
      if (required) {
        console.error(`✗ ${msg}`);
        return { ok: false, note: "Redis missing" };
      }
      console.warn(`! ${msg}`);
    }
    return vitest("integration", "integration-pglite", [], { ...process.env, TEST_DATABASE_URL: "" });
  });

  const pg = await postgresServer();
  await stage(
    "integration-postgresql (database tests on a real PostgreSQL server via @prisma/adapter-pg)",
    async () => {
      if (!pg) {
        if (required) {
          console.error("✗ No PostgreSQL server reachable (TEST_DATABASE_URL or 127.0.0.1:5432), and AUTOCOACH_REQUIRE_SERVICES=1.");
          return { ok: false, note: "PostgreSQL missing" };
        }
        return "skip";
      }
      console.log(`Using PostgreSQL at ${pg.replace(/\/\/[^@]*@/, "//…@")}`);
      return vitest("integration", "integration-postgresql", [".db.int.test."], { ...process.env, TEST_DATABASE_URL: pg });
    },
    "no PostgreSQL server reachable (set TEST_DATABASE_URL or run one on 127.0.0.1:5432); the same tests ran on PGlite above",
  );

  await stage(
    "e2e (Playwright in Debian Chromium)",
    async () => {
      const browser = await ensureChromium().catch((error: Error) => error);
      if (browser instanceof Error) {
        console.error(browser.message);
        return required ? { ok: false, note: "Chromium missing" } : "skip";
      }
      const buildEnv = { ...secrets, ...process.env, NODE_ENV: "production" as const };
      console.log("Building the app (next build)…");
      const build = await command("npx", ["next", "build"], buildEnv);
      if (!build.ok) return { ok: false, note: "next build failed" };
      const file = path.join(reportDir, "e2e.json");
      const r = await command("npx", ["playwright", "test"], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
      if (existsSync(file)) {
        const json: { stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number } } = JSON.parse(readFileSync(file, "utf8"));
        totals.passed += (json.stats?.expected ?? 0) + (json.stats?.flaky ?? 0);
        totals.failed += json.stats?.unexpected ?? 0;
        totals.skipped += json.stats?.skipped ?? 0;
      }
      return r;
    },
    "Chromium is not available (install Debian's chromium package, or set CHROMIUM_PATH)",
  );

  banner("summary");
  for (const r of results) {
    const mark = r.status === "passed" ? "✓" : r.status === "failed" ? "✗" : "↷";
    console.log(`${mark} ${r.name.padEnd(60)} ${r.status.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ""}`);
  }
  const failedStages = results.filter((r) => r.status === "failed").length;
  console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(1)} s; ${failedStages} stage(s) failed.`);
  // The plain closing line CI reads; a failed non-test stage (typecheck, lint…) counts as a failure.
  console.log(`tests: ${totals.passed} passed, ${totals.failed + (failedStages && !totals.failed ? failedStages : 0)} failed, ${totals.skipped} skipped`);
  process.exit(failedStages > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
