import "server-only";
import { type AppError, providerError, providerLabel, formatWait } from "@/lib/errors/app-error";
import type { z } from "zod";
import type { ProviderName } from "@/lib/errors/codes";
import { deadlineExceeded, timeLeft } from "./deadline";
import { SendFailure, send, type Reply, type SendInit } from "./transport";

/**
 * Resilient HTTP for every provider: timeouts, bounded retries with jitter that honour Retry-After, and failures as
 * AppError with a provider code (`peloton.rate_limited`, `trainingpeaks.unavailable`, …) that the UI maps to a message.
 */

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date); undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export function errorFromStatus(provider: ProviderName, status: number, retryAfterSeconds?: number): AppError {
  const label = providerLabel(provider);
  if (status === 401) return providerError(provider, "unauthorized", `${label} did not accept our access token (401).`, { upstreamStatus: status });
  if (status === 403) return providerError(provider, "forbidden", `${label} refused the request (403).`, { upstreamStatus: status });
  if (status === 404) return providerError(provider, "not_found", `${label} has no such resource (404).`, { upstreamStatus: status });
  if (status === 429) {
    const wait = retryAfterSeconds === undefined ? "Try again in a few minutes." : `Try again in ${formatWait(retryAfterSeconds)}.`;
    return providerError(provider, "rate_limited", `${label} is rate limiting requests. ${wait}`, { upstreamStatus: status, retryAfterSeconds });
  }
  if (status >= 500) return providerError(provider, "unavailable", `${label} is having trouble (HTTP ${status}). Try again later.`, { upstreamStatus: status, retryAfterSeconds });
  return providerError(provider, "invalid_request", `${label} rejected the request (HTTP ${status}).`, { upstreamStatus: status });
}

export interface RequestOptions {
  provider: ProviderName;
  method?: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Extra attempts after the first for retryable failures (429, 5xx, network, timeout). */
  retries?: number;
  /** Retry non-idempotent methods too (only when the request is known to be safe to repeat). */
  retryUnsafe?: boolean;
  /** Longest Retry-After we are willing to sleep through; longer waits surface as rate_limited. */
  maxRetryWaitMs?: number;
  baseDelayMs?: number;
  signal?: AbortSignal;
  /**
   * Epoch ms the whole call (every attempt and every wait between them) must end by: attempts are cut short and
   * waits that would cross it are not started (`deadline.exceeded`; a 429 keeps its `rate_limited`).
   */
  deadline?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetchImpl?: typeof fetch;
}

// docs/peloton-api.md §7 and docs/trainingpeaks-api.md §4: back off on 429 and 5xx (a 500 is often a transient upstream failure too).
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: uniform in [0, base * 2^attempt], at least 50 ms. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.max(50, Math.round(random() * baseMs * 2 ** attempt));
}

/**
 * Fetch with timeout and bounded retries. Resolves with a 2xx Response; any other outcome throws a
 * AppError (the body of a non-2xx answer is drained, never echoed into the message).
 */
export async function request(url: string, opts: RequestOptions): Promise<Response> {
  const reply = await withRetries(url, opts, fetchTransport(opts.fetchImpl ?? fetch));
  return reply.response;
}

/**
 * A GET or POST whose 2xx JSON body is parsed with `schema`: `request` then `readJson`, with the same timeouts,
 * retries and errors, over the light HTTP client (server/http/transport.ts) unless a `fetchImpl` is injected.
 */
export async function requestJson<S extends z.ZodType>(url: string, opts: RequestOptions, schema: S): Promise<z.output<S>> {
  if (opts.fetchImpl) return readJson(opts.provider, await request(url, opts), schema);
  const reply = await withRetries(url, opts, lightTransport);
  return parseJsonBody(opts.provider, () => reply.bytes().then(jsonFromBytes), schema);
}

/** One attempt: resolves with the reply's status and headers, or throws a SendFailure. */
type Transport<R extends Reply> = (url: string, init: SendInit) => Promise<R>;

const lightTransport: Transport<Reply> = send;

function fetchTransport(doFetch: typeof fetch): Transport<Reply & { response: Response }> {
  return async (url, init) => {
    const timeout = AbortSignal.timeout(init.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(url, { method: init.method, headers: init.headers, body: init.body, signal, redirect: "manual" });
    } catch (cause) {
      throw new SendFailure(cause, timeout.aborted);
    }
    return {
      response,
      status: response.status,
      ok: response.ok,
      header: (name) => response.headers.get(name),
      bytes: async () => Buffer.from(await response.arrayBuffer()),
      discard: () => void response.body?.cancel().catch(() => undefined),
    };
  };
}

/** The retry loop shared by every transport: resolves with a 2xx reply, throws an AppError otherwise. */
async function withRetries<R extends Reply>(url: string, opts: RequestOptions, transport: Transport<R>): Promise<R> {
  const method = (opts.method ?? "GET").toUpperCase();
  const retries = SAFE_METHODS.has(method) || opts.retryUnsafe ? (opts.retries ?? 2) : 0;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const maxWait = opts.maxRetryWaitMs ?? 10_000;
  const baseDelay = opts.baseDelayMs ?? 400;

  for (let attempt = 0; ; attempt++) {
    const left = timeLeft(opts.deadline);
    if (left <= 0) throw deadlineExceeded(`a ${providerLabel(opts.provider)} request`);
    const perAttempt = opts.timeoutMs ?? 15_000;
    const cutByDeadline = left < perAttempt;
    let reply: R;
    try {
      reply = await transport(url, { method, headers: opts.headers, body: opts.body, signal: opts.signal, timeoutMs: Math.max(1, Math.ceil(Math.min(perAttempt, left))) });
    } catch (failure) {
      const cause = failure instanceof SendFailure ? failure.cause : failure;
      if (opts.signal?.aborted) throw cause;
      const timedOut = failure instanceof SendFailure && failure.timedOut;
      if (timedOut && cutByDeadline) throw deadlineExceeded(`a ${providerLabel(opts.provider)} request`, cause);
      if (attempt < retries) {
        await waitWithin(backoffDelay(attempt, baseDelay, random), opts, sleep, cause);
        continue;
      }
      const label = providerLabel(opts.provider);
      throw providerError(opts.provider, "unavailable",
        timedOut ? `${label} did not answer in time. Try again later.` : `Could not reach ${label}. Check your connection or try again later.`,
        { cause },
      );
    }
    if (reply.ok) return reply;

    const retryAfter = parseRetryAfter(reply.header("retry-after"));
    reply.discard();
    if (RETRYABLE_STATUS.has(reply.status) && attempt < retries) {
      const wait = retryAfter !== undefined ? retryAfter * 1000 + Math.round(random() * 250) : backoffDelay(attempt, baseDelay, random);
      const failure = errorFromStatus(opts.provider, reply.status, retryAfter);
      // A rate limit outlasting the deadline is still a rate limit: the caller pauses for it.
      if (wait <= maxWait && (reply.status !== 429 || wait < timeLeft(opts.deadline))) {
        await waitWithin(wait, opts, sleep, failure);
        continue;
      }
    }
    throw errorFromStatus(opts.provider, reply.status, retryAfter);
  }
}

/** Sleeps before a retry, unless the wait would cross the deadline: then the retry is not worth starting. */
async function waitWithin(ms: number, opts: RequestOptions, sleep: (ms: number) => Promise<void>, cause: unknown): Promise<void> {
  if (ms >= timeLeft(opts.deadline)) throw deadlineExceeded(`a ${providerLabel(opts.provider)} retry`, cause);
  await sleep(ms);
}

/** Parse a JSON body with a zod schema; a non-JSON or wrongly shaped body becomes `bad_response`. */
export function readJson<S extends z.ZodType>(provider: ProviderName, response: Response, schema: S): Promise<z.output<S>> {
  return parseJsonBody(provider, () => response.json(), schema);
}

/** JSON.parse of a UTF-8 body, as Response#json reads it (a leading byte-order mark is skipped). */
function jsonFromBytes(bytes: Buffer): unknown {
  const text = bytes.toString("utf8");
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

async function parseJsonBody<S extends z.ZodType>(provider: ProviderName, read: () => Promise<unknown>, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await read();
  } catch (cause) {
    throw providerError(provider, "bad_response", `${providerLabel(provider)} sent a response we could not read (not JSON).`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "body";
    throw providerError(provider, "bad_response", `${providerLabel(provider)} sent data in an unexpected shape (at ${where}).`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
