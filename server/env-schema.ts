import { z } from "zod";
// Relative on purpose: next.config.ts loads this file before path aliases exist.
import { AppError, isAppError } from "../lib/errors/app-error";
import { isTileTemplate, type TileSource } from "../lib/metrics/map-tiles";

/**
 * The environment schema. Everything is validated once; a bad environment fails fast
 * with messages that name the variable and say how to fix it. Pure (no "server-only") because next.config.ts
 * imports it at build time; the app reads the environment through server/env.ts.
 */

const TRAININGPEAKS_HOSTS = {
  sandbox: { oauthUrl: "https://oauth.sandbox.trainingpeaks.com", apiUrl: "https://api.sandbox.trainingpeaks.com" },
  production: { oauthUrl: "https://oauth.trainingpeaks.com", apiUrl: "https://api.trainingpeaks.com" },
} as const;

/** The simulator's demo client (sandbox/trainingpeaks): public values, used only in demo mode. */
export const TRAININGPEAKS_DEMO_CLIENT = { clientId: "autocoach-demo", clientSecret: "autocoach-demo-secret" } as const;
export const DEFAULT_TRAININGPEAKS_SIMULATOR_URL = "http://localhost:4100";
export const DEFAULT_PELOTON_SIMULATOR_URL = "http://localhost:4200";
export const DEFAULT_TRAININGPEAKS_SCOPES = "athlete:profile workouts:read workouts:details file:write";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1" || v === "yes"));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const httpUrl = (name: string) =>
  optionalString.pipe(
    z
      .string()
      .url(`${name} must be a full URL such as http://localhost:3000`)
      .refine((u) => /^https?:\/\//.test(u), `${name} must start with http:// or https://`)
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  );

const sealingKeys = optionalString.pipe(
  z
    .string()
    .transform((raw, ctx) => {
      const keys: { id: string; key: Buffer }[] = [];
      for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
        const match = /^([A-Za-z0-9_-]{1,32}):(.+)$/.exec(part);
        const key = match?.[2] ? Buffer.from(match[2], "base64") : undefined;
        if (!match?.[1] || !key || key.length !== 32) {
          ctx.addIssue({
            code: "custom",
            message:
              'SEALING_KEYS must be a comma-separated list of "<key id>:<base64 of 32 random bytes>", newest first. Generate one with: node -e "console.log(\'k1:\'+require(\'crypto\').randomBytes(32).toString(\'base64\'))"',
          });
          return z.NEVER;
        }
        keys.push({ id: match[1], key });
      }
      return keys;
    })
    .optional(),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  VERCEL: optionalString,
  APP_URL: httpUrl("APP_URL"),
  AUTH_URL: httpUrl("AUTH_URL"),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "AUTH_SECRET must be at least 32 characters. Generate one with: openssl rand -base64 32").optional(),
  ),
  SEALING_KEYS: sealingKeys,
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .refine(
        (u) => /^postgres(ql)?:\/\//.test(u) || u.startsWith("pglite:"),
        'DATABASE_URL must be "pglite:<folder>" (embedded, e.g. pglite:./.data/pglite), "pglite:memory", or a postgresql:// URL',
      )
      .optional(),
  ),
  TRAININGPEAKS_CLIENT_ID: optionalString,
  TRAININGPEAKS_CLIENT_SECRET: optionalString,
  TRAININGPEAKS_SANDBOX: booleanish,
  TRAININGPEAKS_OAUTH_URL: httpUrl("TRAININGPEAKS_OAUTH_URL"),
  TRAININGPEAKS_API_URL: httpUrl("TRAININGPEAKS_API_URL"),
  TRAININGPEAKS_SIMULATOR_URL: httpUrl("TRAININGPEAKS_SIMULATOR_URL"),
  TRAININGPEAKS_SCOPES: optionalString,
  TRAININGPEAKS_PKCE: booleanish,
  PELOTON_AUTH_URL: httpUrl("PELOTON_AUTH_URL"),
  PELOTON_API_URL: httpUrl("PELOTON_API_URL"),
  PELOTON_SIMULATOR_URL: httpUrl("PELOTON_SIMULATOR_URL"),
  AUTOCOACH_DEMO: booleanish,
  KV_REST_API_URL: httpUrl("KV_REST_API_URL"),
  KV_REST_API_TOKEN: optionalString,
  UPSTASH_REDIS_REST_URL: httpUrl("UPSTASH_REDIS_REST_URL"),
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  CRON_SECRET: optionalString,
  TRUSTED_PROXY_HEADER: optionalString.pipe(
    z
      .string()
      .toLowerCase()
      .regex(/^[a-z0-9-]+$/, "TRUSTED_PROXY_HEADER must be one header name, such as x-forwarded-for, x-real-ip or cf-connecting-ip")
      .optional(),
  ),
  SYNC_STEP_BUDGET_MS: z.coerce.number().int().min(1000, "SYNC_STEP_BUDGET_MS must be at least 1000 (ms)").max(300_000).default(8000),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(8, "SYNC_CONCURRENCY above 8 is impolite to Peloton (docs/peloton-api.md §7)").default(4),
  PELOTON_EVERY_N: z.coerce.number().int().min(1).max(60).default(1),
  SYNC_BACKGROUND: booleanish,
  SYNC_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000, "SYNC_SWEEP_INTERVAL_MS must be at least 1000 (ms)").max(3_600_000).default(15_000),
  SYNC_POOL_SIZE: z.coerce.number().int().min(1).max(32, "SYNC_POOL_SIZE above 32 users at once is more than one process should carry").default(4),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MAP_TILE_URL: optionalString.pipe(z.string().refine(isTileTemplate, "MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, e.g. https://tile.example/{z}/{x}/{y}.png").optional()),
  MAP_TILE_ATTRIBUTION: optionalString,
});

export type TrainingPeaksMode = "simulator" | "sandbox" | "production";

export interface AppEnv {
  nodeEnv: "development" | "production" | "test";
  appUrl: string;
  authSecret: string | undefined;
  sealingKeys: { id: string; key: Buffer }[];
  databaseUrl: string;
  demo: boolean;
  trainingPeaks: {
    mode: TrainingPeaksMode;
    clientId: string;
    clientSecret: string;
    oauthUrl: string;
    apiUrl: string;
    scopes: string;
    redirectUri: string;
    /** send PKCE (S256) at sign-in; off until TrainingPeaks is known to accept it (docs/trainingpeaks-api.md) */
    pkce: boolean;
  };
  peloton: { mode: "simulator" | "live"; authUrl: string; apiUrl: string };
  kv: { url: string; token: string } | null;
  cronSecret: string | undefined;
  /** the header our own proxy sets to the client's IP (docs/security.md); null: no IP is trusted */
  trustedProxyHeader: string | null;
  sync: {
    stepBudgetMs: number;
    concurrency: number;
    everyN: number;
    /** steps run on the server with no page open (after() continuation + instrumentation sweeper); off in tests by default */
    background: boolean;
    sweepIntervalMs: number;
    /** users one schedule run or sweep advances at once */
    poolSize: number;
    /** on a serverless platform a continuation stops in time for its function's limit */
    serverless: boolean;
  };
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** raster tiles under outdoor routes (docs/architecture.md "Route maps"); null: the plain trace, no tile requested */
  mapTiles: TileSource | null;
}

/** An invalid environment (`config.invalid`): one problem per entry of `fields`, each naming its fix. */
export function envError(problems: string[]): AppError {
  const message = `AutoCoach configuration problem${problems.length > 1 ? "s" : ""}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.template, or run \`npm run doctor\`.`;
  return new AppError("config.invalid", { message, fields: Object.fromEntries(problems.map((p, i) => [String(i), p])) });
}

/** The problems an invalid environment was reported with (empty for any other error). */
export function envProblems(error: unknown): string[] {
  return isAppError(error, "config.invalid") ? Object.values(error.fields ?? {}) : [];
}

/** Pure: validate a raw environment. Throws a `config.invalid` AppError listing every problem with its fix. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw envError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const appUrl = e.AUTH_URL ?? e.APP_URL ?? "http://localhost:3000";
  if (/^https?:\/\/127\.0\.0\.1/.test(appUrl)) {
    problems.push(`APP_URL: use http://localhost:… instead of 127.0.0.1 (${appUrl}); Auth.js cookies and OAuth redirects need a host name.`);
  }

  const realTp = e.TRAININGPEAKS_CLIENT_ID !== undefined;
  if (realTp && !e.TRAININGPEAKS_CLIENT_SECRET) {
    problems.push("TRAININGPEAKS_CLIENT_SECRET: missing while TRAININGPEAKS_CLIENT_ID is set. Copy it from your TrainingPeaks partner e-mail.");
  }
  if (!realTp && e.VERCEL && !e.AUTOCOACH_DEMO) {
    problems.push("TRAININGPEAKS_CLIENT_ID: required on Vercel (set AUTOCOACH_DEMO=true to deploy against a hosted simulator instead).");
  }
  const tpMode: TrainingPeaksMode = realTp ? (e.TRAININGPEAKS_SANDBOX === false ? "production" : "sandbox") : "simulator";
  const simulatorTp = e.TRAININGPEAKS_SIMULATOR_URL ?? DEFAULT_TRAININGPEAKS_SIMULATOR_URL;
  const tpHosts = tpMode === "simulator" ? { oauthUrl: simulatorTp, apiUrl: simulatorTp } : TRAININGPEAKS_HOSTS[tpMode];

  const kvUrl = e.KV_REST_API_URL ?? e.UPSTASH_REDIS_REST_URL;
  const kvToken = e.KV_REST_API_TOKEN ?? e.UPSTASH_REDIS_REST_TOKEN;
  if ((kvUrl && !kvToken) || (!kvUrl && kvToken)) {
    problems.push("KV_REST_API_URL and KV_REST_API_TOKEN must be set together (or UPSTASH_REDIS_REST_URL/TOKEN).");
  }

  const pelotonSim = e.PELOTON_SIMULATOR_URL ?? DEFAULT_PELOTON_SIMULATOR_URL;
  const demo = e.AUTOCOACH_DEMO ?? tpMode === "simulator";
  // Real Peloton hosts are the default only outside demo mode; explicit URLs always win.
  const pelotonLive = !demo;

  if (e.MAP_TILE_URL && !e.MAP_TILE_ATTRIBUTION) problems.push('MAP_TILE_ATTRIBUTION: required with MAP_TILE_URL; tile servers ask for credit, e.g. "© OpenStreetMap contributors".');
  if (problems.length) throw envError(problems);
  return {
    nodeEnv: e.NODE_ENV,
    appUrl,
    authSecret: e.AUTH_SECRET,
    sealingKeys: e.SEALING_KEYS ?? [],
    databaseUrl: e.DATABASE_URL ?? "pglite:./.data/pglite",
    demo,
    trainingPeaks: {
      mode: tpMode,
      clientId: e.TRAININGPEAKS_CLIENT_ID ?? TRAININGPEAKS_DEMO_CLIENT.clientId,
      clientSecret: e.TRAININGPEAKS_CLIENT_SECRET ?? TRAININGPEAKS_DEMO_CLIENT.clientSecret,
      oauthUrl: e.TRAININGPEAKS_OAUTH_URL ?? tpHosts.oauthUrl,
      apiUrl: e.TRAININGPEAKS_API_URL ?? tpHosts.apiUrl,
      scopes: e.TRAININGPEAKS_SCOPES ?? DEFAULT_TRAININGPEAKS_SCOPES,
      redirectUri: `${appUrl}/api/auth/callback/trainingpeaks`,
      pkce: e.TRAININGPEAKS_PKCE ?? false,
    },
    peloton: {
      mode: pelotonLive ? "live" : "simulator",
      authUrl: e.PELOTON_AUTH_URL ?? (pelotonLive ? "https://auth.onepeloton.com" : pelotonSim),
      apiUrl: e.PELOTON_API_URL ?? (pelotonLive ? "https://api.onepeloton.com" : pelotonSim),
    },
    kv: kvUrl && kvToken ? { url: kvUrl, token: kvToken } : null,
    cronSecret: e.CRON_SECRET,
    // Vercel's edge overwrites X-Forwarded-For with the client's address, so it is trustworthy there.
    trustedProxyHeader: e.TRUSTED_PROXY_HEADER ?? (e.VERCEL ? "x-forwarded-for" : null),
    sync: {
      stepBudgetMs: e.SYNC_STEP_BUDGET_MS,
      concurrency: e.SYNC_CONCURRENCY,
      everyN: e.PELOTON_EVERY_N,
      background: e.SYNC_BACKGROUND ?? e.NODE_ENV !== "test",
      sweepIntervalMs: e.SYNC_SWEEP_INTERVAL_MS,
      poolSize: e.SYNC_POOL_SIZE,
      serverless: e.VERCEL !== undefined,
    },
    logLevel: e.LOG_LEVEL,
    mapTiles: e.MAP_TILE_URL && e.MAP_TILE_ATTRIBUTION ? { urlTemplate: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : null,
  };
}
