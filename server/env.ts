import "server-only";
import { envError, parseEnv, type AppEnv } from "./env-schema";

export * from "./env-schema";

let cached: AppEnv | undefined;

export function getEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Secrets the running app cannot do without; checked where they are used so `next build` stays possible. */
export function requireAuthSecret(): string {
  const secret = getEnv().authSecret;
  if (!secret) {
    throw envError([
      "AUTH_SECRET: missing. `npm run demo` generates one under .data/; for a deployment run `openssl rand -base64 32` and set it.",
    ]);
  }
  return secret;
}

export function requireSealingKeys(): { id: string; key: Buffer }[] {
  const keys = getEnv().sealingKeys;
  if (!keys.length) {
    throw envError([
      'SEALING_KEYS: missing. `npm run demo` generates one under .data/; for a deployment set SEALING_KEYS="k1:<base64 of 32 random bytes>".',
    ]);
  }
  return keys;
}

/** KV configuration for server/kv: Upstash REST when configured, otherwise null (in-process store). */
export function kvConfig(): { url: string; token: string } | null {
  return getEnv().kv;
}
