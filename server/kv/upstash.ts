import "server-only";
import type { AppError } from "@/lib/errors/app-error";
import { z } from "zod";
import { kvError } from "./errors";
import { UpstashCommandError, createUpstashRest, type UpstashRest } from "./upstash-rest";
import { toTtlMs } from "./timing";
import type { Kv, KvIncrResult, KvSetOptions, TakeSlotResult } from "./types";

export interface UpstashKvConfig {
  url: string;
  token: string;
  /** Prepended to every key so several apps (or test runs) can share one database. */
  prefix: string;
}

// Compare-and-act must run inside Redis: a GET followed by a DEL from here could delete a lock that
// expired and was taken by someone else in between.
const DEL_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;
const EXPIRE_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`;
// Any counter without a TTL gets one, so even a key written by hand can never become a permanent block.
const INCR_WITH_TTL = `local value = redis.call("INCR", KEYS[1])
local ttl = redis.call("PTTL", KEYS[1])
if ttl < 0 then
  redis.call("PEXPIRE", KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {value, ttl}`;

// KEYS: the slots to release, the slot keys, then the spacing key. ARGV: token, lease ms, spacing ms, max wait ms,
// the number of slots to release, then their tokens. See Kv.takeSlot.
const TAKE_SLOT = `local r = tonumber(ARGV[5])
for i = 1, r do
  if redis.call("GET", KEYS[i]) == ARGV[5 + i] then redis.call("DEL", KEYS[i]) end
end
local n = #KEYS - 1 - r
local lease, spacing, maxWait = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local wait = 0
if spacing > 0 then
  local ttl = redis.call("PTTL", KEYS[r + n + 1])
  if ttl > 0 then wait = ttl end
  if wait > maxWait then return {-2, wait} end
end
for i = 1, n do
  if redis.call("SET", KEYS[r + i], ARGV[1], "NX", "PX", lease + wait) then
    if spacing > 0 then redis.call("SET", KEYS[r + n + 1], "1", "PX", wait + spacing) end
    return {i - 1, wait}
  end
end
return {-1, 0}`;

const setReply = z.union([z.literal("OK"), z.null()]);
const getReply = z.string().nullable();
const integerReply = z.number().int();
const pairReply = z.tuple([z.number().int(), z.number().int()]);

export function createUpstashKv(config: UpstashKvConfig): Kv {
  let client: UpstashRest;
  try {
    client = createUpstashRest(config.url, config.token);
  } catch (error) {
    throw kvError("misconfigured", "Upstash KV REST URL must be a full http(s) URL", { cause: error });
  }
  const k = (key: string) => config.prefix + key;
  const redis = {
    get: (key: string) => client.command(["GET", key]),
    set: (key: string, value: string, opts: { nx?: boolean; px?: number } = {}) =>
      client.command(["SET", key, value, ...(opts.nx ? ["NX"] : []), ...(opts.px === undefined ? [] : ["PX", String(opts.px)])]),
    del: (key: string) => client.command(["DEL", key]),
    eval: (script: string, keys: string[], args: string[]) => client.command(["EVAL", script, String(keys.length), ...keys, ...args]),
  };

  async function run<T>(operation: string, key: string, schema: z.ZodType<T>, command: () => Promise<unknown>): Promise<T> {
    let reply: unknown;
    try {
      reply = await command();
    } catch (error) {
      throw toKvError(error, operation, key, config.token);
    }
    const parsed = schema.safeParse(reply);
    if (!parsed.success) {
      throw kvError("bad_response", `Upstash KV ${operation} on "${key}" returned an unexpected reply`, { cause: parsed.error });
    }
    return parsed.data;
  }

  return {
    mode: "upstash",

    async get(key) {
      return run("get", key, getReply, () => redis.get(k(key)));
    },

    async set(key, value, opts: KvSetOptions = {}) {
      const ttlMs = opts.ttlMs === undefined ? undefined : toTtlMs(opts.ttlMs);
      const reply = await run("set", key, setReply, () => {
        if (ttlMs === undefined) return opts.onlyIfAbsent ? redis.set(k(key), value, { nx: true }) : redis.set(k(key), value);
        return opts.onlyIfAbsent ? redis.set(k(key), value, { nx: true, px: ttlMs }) : redis.set(k(key), value, { px: ttlMs });
      });
      return reply === "OK";
    },

    async del(key) {
      await run("del", key, integerReply, () => redis.del(k(key)));
    },

    async delIfEquals(key, value) {
      const deleted = await run("delIfEquals", key, integerReply, () => redis.eval(DEL_IF_EQUALS, [k(key)], [value]));
      return deleted === 1;
    },

    async expireIfEquals(key, value, ttlMs) {
      const ttl = toTtlMs(ttlMs);
      const updated = await run("expireIfEquals", key, integerReply, () =>
        redis.eval(EXPIRE_IF_EQUALS, [k(key)], [value, String(ttl)]),
      );
      return updated === 1;
    },

    async incr(key, ttlMs): Promise<KvIncrResult> {
      const ttl = toTtlMs(ttlMs);
      const [value, remaining] = await run("incr", key, pairReply, () => redis.eval(INCR_WITH_TTL, [k(key)], [String(ttl)]));
      return { value, ttlMs: Math.max(0, remaining) };
    },
    async takeSlot(slotKeys, spacingKey, token, opts): Promise<TakeSlotResult> {
      const release = opts.release ?? [];
      const args = [token, String(toTtlMs(opts.leaseMs, "leaseMs")), String(Math.ceil(opts.minSpacingMs)), String(Math.floor(opts.maxWaitMs)), String(release.length), ...release.map((r) => r.token)];
      const keys = [...release.map((r) => r.key), ...slotKeys, spacingKey].map(k);
      const [index, waitMs] = await run("takeSlot", spacingKey, pairReply, () => redis.eval(TAKE_SLOT, keys, args));
      if (index >= 0) return { taken: true, index, waitMs };
      return { taken: false, reason: index === -2 ? "spacing" : "concurrency", waitMs };
    },
  };
}

function toKvError(error: unknown, operation: string, key: string, token: string): AppError {
  const prefix = `Upstash KV ${operation} on "${key}" failed`;
  if (error instanceof UpstashCommandError) {
    return kvError("command_failed", `${prefix}: ${describeUpstashError(error.message, token)}`, { cause: error });
  }
  return kvError("unavailable", `${prefix}: ${describeNetworkError(error, token)}`, { cause: error });
}

/** The client appends the whole command (keys and values) to HTTP error messages; keep only the reason. */
function describeUpstashError(message: string, token: string): string {
  const reason = message.split(", command was: ")[0] ?? message;
  return redactToken(reason, token).slice(0, 300);
}

function describeNetworkError(error: unknown, token: string): string {
  if (!(error instanceof Error)) return "the request did not complete";
  const cause: unknown = error.cause;
  const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? ` (${cause.code})` : "";
  return redactToken(`${error.message}${code}`, token).slice(0, 300);
}

function redactToken(text: string, token: string): string {
  return token ? text.split(token).join("[redacted]") : text;
}
