import "server-only";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

/**
 * A light HTTP/1.1 client for the sync's hot paths (Peloton GETs, the KV's REST calls): node:http over keep-alive
 * agents, the whole body read into one Buffer. Global `fetch` builds a Request, a Response, web streams and an
 * AbortSignal per call, which cost about as much CPU as the rest of a workout's sync put together.
 *
 * What it does as `fetch(url, { redirect: "manual" })` does: redirects are not followed (a 3xx is a reply like any
 * other), gzip/deflate/br bodies are decoded (and asked for with the same Accept-Encoding), idle connections are kept
 * for a few seconds. The timeout covers the whole exchange, body included, as an AbortSignal.timeout passed to fetch
 * does; an aborted `signal` ends it too.
 */

export interface SendInit {
  method: string;
  headers?: Record<string, string>;
  /** A URLSearchParams body is sent form-encoded, with fetch's Content-Type unless one is given. */
  body?: string | URLSearchParams;
  /** Milliseconds for the whole exchange (connect, headers, body); the request fails with `timedOut` after it. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A reply whose status line and headers have arrived; the body is read (or dropped) separately. */
export interface Reply {
  readonly status: number;
  readonly ok: boolean;
  header(name: string): string | null;
  /** The decoded body. Rejects when the connection fails, the timeout fires or the signal aborts before its end. */
  bytes(): Promise<Buffer>;
  /** Drops the body (the connection is closed rather than drained). */
  discard(): void;
}

/** A request that failed before a reply arrived (network error, timeout, abort). */
export class SendFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly timedOut: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "SendFailure";
  }
}

// undici keeps an idle connection for 4 s unless the server says otherwise; so do these.
const IDLE_MS = 4_000;
const httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: "lifo" });
const httpsAgent = new https.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: "lifo" });

class Timeout extends Error {
  constructor(ms: number) {
    super(`The operation was aborted due to timeout (${ms} ms)`);
    this.name = "TimeoutError";
  }
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (!encoding) return body;
  // Codings are listed in the order they were applied: undo them last first.
  const codings = encoding.toLowerCase().split(",").map((c) => c.trim()).filter(Boolean).reverse();
  let out = body;
  for (const coding of codings) {
    if (coding === "gzip" || coding === "x-gzip") out = zlib.gunzipSync(out, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    else if (coding === "deflate") out = out[0] !== undefined && (out[0] & 0x0f) === 0x08 ? zlib.inflateSync(out) : zlib.inflateRawSync(out);
    else if (coding === "br") out = zlib.brotliDecompressSync(out);
    else if (coding !== "identity") return out;
  }
  return out;
}

/** Sends one request; resolves when the status line and headers are in (the timer keeps running for the body). */
export function send(url: string, init: SendInit): Promise<Reply> {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  if (!secure && target.protocol !== "http:") return Promise.reject(new SendFailure(new TypeError(`unsupported protocol ${target.protocol}`), false));
  const headers: Record<string, string> = { "accept-encoding": secure ? "br, gzip, deflate" : "gzip, deflate", ...lowerKeys(init.headers) };
  let body: string | undefined;
  if (init.body instanceof URLSearchParams) {
    body = init.body.toString();
    headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
  } else body = init.body;
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

  return new Promise<Reply>((resolve, reject) => {
    let failure: unknown = null;
    let timedOut = false;
    let settleBody: ((error: unknown) => void) | null = null;
    let done = false;
    const fail = (error: unknown) => {
      if (failure || done) return;
      failure = error;
      clearTimeout(timer);
      init.signal?.removeEventListener("abort", onAbort);
      req.destroy();
      if (settleBody) settleBody(error);
      else reject(new SendFailure(error, timedOut));
    };
    const onAbort = () => fail(init.signal?.reason ?? new Error("aborted"));
    const timer = setTimeout(() => {
      timedOut = true;
      fail(new Timeout(init.timeoutMs));
    }, init.timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      init.signal?.removeEventListener("abort", onAbort);
    };

    const req = (secure ? https : http).request(
      target,
      { method: init.method, headers, agent: secure ? httpsAgent : httpAgent },
      (res) => {
        if (failure) return void res.destroy();
        const chunks: Buffer[] = [];
        let size = 0;
        let body: Promise<Buffer> | null = null;
        let ended = false;
        let bodyError: unknown = null;
        let waiting: { resolve: (b: Buffer) => void; reject: (e: unknown) => void } | null = null;
        const complete = () => {
          ended = true;
          done = true;
          finish();
          if (waiting) deliver(waiting);
        };
        const deliver = (w: { resolve: (b: Buffer) => void; reject: (e: unknown) => void }) => {
          if (bodyError) return w.reject(bodyError);
          try {
            w.resolve(decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size), header("content-encoding") ?? undefined));
          } catch (error) {
            w.reject(error);
          }
        };
        settleBody = (error) => {
          bodyError = error;
          ended = true;
          if (waiting) waiting.reject(error);
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", complete);
        res.on("error", fail);
        res.on("close", () => {
          if (!res.complete) fail(new Error("terminated"));
        });
        const header = (name: string): string | null => {
          const value = res.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        };
        const status = res.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status <= 299,
          header,
          bytes: () =>
            (body ??= new Promise<Buffer>((resolveBody, rejectBody) => {
              waiting = { resolve: resolveBody, reject: rejectBody };
              if (ended) deliver(waiting);
            })),
          discard: () => {
            if (ended) return;
            finish();
            failure = new Error("discarded");
            res.destroy();
          },
        });
      },
    );
    req.on("error", fail);
    if (init.signal) {
      if (init.signal.aborted) return onAbort();
      init.signal.addEventListener("abort", onAbort, { once: true });
    }
    req.end(body);
  });
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = value;
  return out;
}
