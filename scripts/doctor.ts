/**
 * `npm run doctor`: the old "OAuth not working?" decision tree as a command. Checks the environment,
 * the TrainingPeaks registration (redirect URI), the servers, the database and KV, and prints what to fix.
 * Exit code 1 when something must be fixed.
 */
import { existsSync } from "node:fs";
import { envProblems, parseEnv, type AppEnv } from "../server/env-schema";
import { localEnvironment } from "./lib/local-env";
import { run } from "./lib/proc";

type Level = "ok" | "warn" | "fail" | "info";
const MARK: Record<Level, string> = { ok: "✓", warn: "!", fail: "✗", info: "·" };
let failures = 0;

function report(level: Level, message: string, fix?: string) {
  if (level === "fail") failures++;
  console.log(`${MARK[level]} ${message}`);
  if (fix) console.log(`    → ${fix}`);
}

async function probe(url: string, init: RequestInit = {}): Promise<{ status: number; body: string } | { error: string }> {
  try {
    const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: (await res.text()).slice(0, 4000) };
  } catch (e) {
    return { error: e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e) };
  }
}

async function checkTrainingPeaks(env: AppEnv) {
  const tp = env.trainingPeaks;
  console.log("\nTrainingPeaks");
  if (tp.mode === "simulator") report("info", `Demo mode: the local TrainingPeaks simulator at ${tp.oauthUrl} (no credentials needed).`);
  else report("ok", `Real TrainingPeaks (${tp.mode}) with client id "${tp.clientId}"; OAuth ${tp.oauthUrl}, API ${tp.apiUrl}.`);

  const version = await probe(`${tp.apiUrl}/v1/info/version`);
  if ("error" in version) {
    report(
      "fail",
      `TrainingPeaks API at ${tp.apiUrl} is unreachable (${version.error}).`,
      tp.mode === "simulator" ? "Start it: `npm run demo` (or `npm run sim:trainingpeaks`)." : "Check the network and TRAININGPEAKS_SANDBOX / TRAININGPEAKS_API_URL.",
    );
    return;
  }
  report("ok", `TrainingPeaks API answers (HTTP ${version.status}).`);

  // The authorize page itself tells whether our redirect URI is registered for this client.
  const params = new URLSearchParams({ response_type: "code", client_id: tp.clientId, redirect_uri: tp.redirectUri, scope: tp.scopes, state: "doctor" });
  const page = await probe(`${tp.oauthUrl}/OAuth/Authorize?${params}`);
  if ("error" in page) report("fail", `TrainingPeaks OAuth at ${tp.oauthUrl} is unreachable (${page.error}).`);
  else if (/invalid redirect uri/i.test(page.body)) {
    report("fail", `TrainingPeaks does not accept the redirect URI ${tp.redirectUri}.`, "Register exactly this URI for your client (protocol, host and port must match), or fix APP_URL.");
  } else if (page.status >= 400) {
    report("fail", `TrainingPeaks rejected the authorization request (HTTP ${page.status}).`, "Check TRAININGPEAKS_CLIENT_ID and TRAININGPEAKS_SCOPES (only scopes granted to your app).");
  } else report("ok", `Redirect URI accepted: ${tp.redirectUri}`);
}

async function checkDatabase(env: AppEnv, appRunning: boolean) {
  console.log("\nDatabase");
  const embedded = env.databaseUrl.startsWith("pglite:");
  report("info", embedded ? `Embedded PostgreSQL (PGlite) in ${env.databaseUrl.slice(7)}` : `PostgreSQL server ${env.databaseUrl.replace(/\/\/[^@]*@/, "//…@")}`);
  if (embedded && appRunning) {
    report("info", "The app is running and owns the embedded database; migration status not checked (PGlite allows one process).");
    return;
  }
  const status = await run("node", ["scripts/db.mjs", "migrate", "status"], { env: { ...process.env, DATABASE_URL: env.databaseUrl }, quiet: true });
  if (status.code !== 0) {
    const pending = /"unappliedMigrationNames":\s*\[([^\]]*)\]/.exec(status.output)?.[1]?.replace(/[\s"]/g, "");
    if (pending) report("fail", `Migrations not applied yet: ${pending.split(",").join(", ")}.`, "Run `npm run db:deploy` (`npm run demo` does it for you).");
    else if (/ECONNREFUSED|ENOTFOUND|password authentication|database .* does not exist/i.test(status.output)) {
      report("fail", "The database is not reachable.", "Check DATABASE_URL (and that PostgreSQL runs), then `npm run db:deploy`.");
    } else report("fail", `The migration check failed: ${status.output.trim().split("\n").slice(-1)[0] ?? "unknown error"}`, "Run `npm run db:status` for details.");
    return;
  }
  report("ok", "Reachable, all migrations applied.");
  const { createDb } = await import("../server/db/client");
  const db = await createDb(env.databaseUrl);
  try {
    const accounts = await db.prisma.account.groupBy({ by: ["status"], where: { provider: "trainingpeaks" }, _count: true });
    const total = accounts.reduce((n, a) => n + a._count, 0);
    if (total === 0) report("warn", "Nobody has signed in with TrainingPeaks yet.", `Open ${env.appUrl} and choose "Sign in with TrainingPeaks".`);
    else report("ok", `TrainingPeaks connections: ${accounts.map((a) => `${a._count} ${a.status}`).join(", ")}.`);
    const reauth = accounts.find((a) => a.status === "reauth_required")?._count ?? 0;
    if (reauth) report("warn", `${reauth} connection(s) need re-authorisation; those users see a "Reconnect TrainingPeaks" banner.`);
    // Grants from before file:write was requested cannot upload: "Send to TrainingPeaks" asks those users to re-consent.
    const scopes = await db.prisma.account.findMany({ where: { provider: "trainingpeaks", status: "active" }, select: { scope: true } });
    const noUpload = scopes.filter((a) => !(a.scope ?? "").split(/[\s,]+/).includes("file:write")).length;
    if (noUpload) report("warn", `${noUpload} connection(s) lack the file:write scope; sending rides to TrainingPeaks asks those users to grant it.`);
    if (!env.trainingPeaks.scopes.split(/\s+/).includes("file:write")) {
      report("warn", "TRAININGPEAKS_SCOPES does not include file:write, so nobody can send rides to TrainingPeaks.", "Add file:write (your TrainingPeaks app must be granted it).");
    }
  } finally {
    await db.close();
  }
}

async function checkKv(env: AppEnv) {
  console.log("\nKV (locks and rate limits)");
  if (!env.kv) {
    report(env.nodeEnv === "production" && !env.demo ? "warn" : "info", "In-process store: fine for one server; limits are per instance.", "For several serverless instances set KV_REST_API_URL and KV_REST_API_TOKEN (Upstash).");
    return;
  }
  const ping = await probe(`${env.kv.url}/ping`, { headers: { Authorization: `Bearer ${env.kv.token}` } });
  if ("error" in ping) report("fail", `Upstash KV at ${env.kv.url} is unreachable (${ping.error}).`);
  else if (ping.status === 401) report("fail", "Upstash KV rejected the token.", "Check KV_REST_API_TOKEN.");
  else report("ok", `Upstash KV answers (HTTP ${ping.status}).`);
}

async function main() {
  console.log("AutoCoach doctor\n\nEnvironment");
  const hasDotEnv = existsSync(".env") || existsSync(".env.local");
  const raw = localEnvironment();
  let env: AppEnv;
  try {
    env = parseEnv(raw);
  } catch (e) {
    const problems = envProblems(e);
    if (problems.length) {
      for (const p of problems) report("fail", p);
      process.exit(1);
    }
    throw e;
  }
  if (!hasDotEnv && env.demo) report("info", "No .env: demo mode with generated local secrets (.data/local.env). For real TrainingPeaks: cp .env.template .env");
  else if (hasDotEnv) report("ok", ".env found.");
  report(env.authSecret ? "ok" : "fail", env.authSecret ? "AUTH_SECRET is set." : "AUTH_SECRET is missing.", env.authSecret ? undefined : "`openssl rand -base64 32` and set AUTH_SECRET.");
  report(env.sealingKeys.length ? "ok" : "fail", env.sealingKeys.length ? `SEALING_KEYS: ${env.sealingKeys.length} key(s), active "${env.sealingKeys[0]?.id}".` : "SEALING_KEYS is missing (tokens cannot be stored).");
  if (env.trainingPeaks.mode !== "simulator" && !env.appUrl.startsWith("https://") && !env.appUrl.startsWith("http://localhost")) {
    report("warn", `APP_URL ${env.appUrl} is not HTTPS.`, "TrainingPeaks requires HTTPS redirect URIs in production.");
  }
  report("info", `App URL ${env.appUrl}; Peloton ${env.peloton.mode === "simulator" ? "simulator" : "live"} at ${env.peloton.apiUrl}.`);

  console.log("\nApp server");
  const app = await probe(`${env.appUrl}/signin`);
  const appRunning = !("error" in app);
  if (appRunning) report("ok", `The app answers at ${env.appUrl}.`);
  else report("warn", `The app is not running at ${env.appUrl}.`, "Start it: `npm run demo` (or `npm run build && npm start` with your .env).");

  await checkTrainingPeaks(env);
  await checkDatabase(env, appRunning);
  await checkKv(env);

  console.log(failures ? `\n${failures} problem(s) to fix.` : "\nAll checks passed.");
  process.exit(failures ? 1 : 0);
}

void main();
