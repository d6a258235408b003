import "server-only";
import { SendFailure, send } from "@/server/http/transport";

/**
 * The Upstash Redis REST protocol as the KV uses it (plain commands and Lua scripts), over the light HTTP client
 * (server/http/transport.ts) instead of @upstash/redis's global `fetch`, which cost more CPU than the commands' work.
 * It keeps what that client did for us: commands issued together (within two microtasks) go out as one `/pipeline`
 * request (its auto-pipelining), a network failure is retried 3 times after 50, 100 and 200 ms, an HTTP error is a
 * command error carrying the server's reason, each item's error is that command's own, and the read-your-writes sync
 * token is passed along. Replies are asked for as plain JSON (no base64): the KV's values are ASCII tokens and numbers.
 */
export interface UpstashRest {
  command(args: string[]): Promise<unknown>;
}

/** Redis or the REST endpoint refused a command (the message is the server's reason). */
export class UpstashCommandError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UpstashCommandError";
  }
}

const URL_PATTERN = /^https?:\/\/[^\s#$./?].\S*$/;
const RETRIES = 3;
const backoff = (attempt: number) => 50 * 2 ** attempt;
/** One HTTP attempt; a KV command answers in milliseconds, and a hung endpoint must not hold a step forever. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_PIPELINE = 1_000;

type Pending = { args: string[]; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export function createUpstashRest(url: string, token: string): UpstashRest {
  const base = url.replace(/\/$/, "");
  if (!URL_PATTERN.test(base)) throw new TypeError(`not a full http(s) URL`);
  const endpoint = `${base}/pipeline`;
  let syncToken = "";
  const queue: Pending[] = [];
  let scheduled = false;

  async function post(body: string): Promise<unknown> {
    let lastError: unknown = null;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoff(attempt - 1)));
      let reply;
      try {
        reply = await send(endpoint, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "upstash-sync-token": syncToken },
          body,
          timeoutMs: ATTEMPT_TIMEOUT_MS,
        });
      } catch (error) {
        lastError = error instanceof SendFailure ? error.cause : error;
        continue;
      }
      const text = (await reply.bytes()).toString("utf8");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (cause) {
        throw new UpstashCommandError(`Unable to parse response body: ${text.length > 200 ? `${text.slice(0, 200)}...` : text}`, { cause });
      }
      if (!reply.ok) {
        const reason = parsed && typeof parsed === "object" && "error" in parsed ? String(parsed.error) : `HTTP ${reply.status}`;
        throw new UpstashCommandError(reason);
      }
      syncToken = reply.header("upstash-sync-token") ?? "";
      return parsed;
    }
    throw lastError ?? new Error("Exhausted all retries");
  }

  async function flush(): Promise<void> {
    const batch = queue.splice(0, MAX_PIPELINE);
    if (queue.length) void flush();
    else scheduled = false;
    try {
      const results = await post(JSON.stringify(batch.map((p) => p.args)));
      if (!Array.isArray(results) || results.length !== batch.length) throw new Error("Upstash answered a pipeline with a reply of another shape");
      batch.forEach((p, i) => {
        const item: unknown = results[i];
        if (item && typeof item === "object" && "error" in item && item.error) p.reject(new UpstashCommandError(`Command failed: ${String(item.error)}`));
        else if (item && typeof item === "object" && "result" in item) p.resolve(item.result);
        else p.reject(new TypeError("Request did not return a result"));
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  return {
    command(args) {
      return new Promise((resolve, reject) => {
        queue.push({ args, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        // Like @upstash/redis's auto-pipelining: whatever is issued before two microtasks have passed shares the request.
        void Promise.resolve()
          .then(() => undefined)
          .then(() => flush());
      });
    },
  };
}
