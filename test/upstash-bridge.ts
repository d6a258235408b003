import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { RespArg, RespClient, RespValue } from "./resp-client";

/**
 * A minimal Upstash Redis REST server for tests, forwarding to a real Redis. It implements what
 * @upstash/redis uses, the way Upstash documents it (upstash.com/docs/redis/features/restapi):
 *
 * - POST /            body ["CMD", arg…]          → 200 {"result": …} | 400 {"error": "…"}
 * - POST /pipeline    body [["CMD", arg…], …]     → 200 [{"result": …} | {"error": "…"}, …] (not atomic)
 * - POST /multi-exec  body [["CMD", arg…], …]     → 200 [{"result"…}|{"error"…}, …] run as MULTI…EXEC,
 *                                                   or 400 {"error"} when the transaction is discarded
 * - Authorization: Bearer <token> (or ?_token=) → otherwise 401 {"error": "Unauthorized"}
 * - "Upstash-Encoding: base64" (the client's default): every string in the result is base64 of its raw
 *   bytes, except the status reply "OK"; integers and nulls stay JSON; error messages are never encoded.
 */

export interface UpstashBridge {
  readonly url: string;
  readonly token: string;
  /** Requests served per endpoint, so tests can see which protocol paths the client really used; `commands` counts every command in them. */
  readonly requests: { single: number; pipeline: number; multiExec: number; unauthorized: number; commands: number };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const commandSchema = z.array(z.union([z.string(), z.number(), z.boolean()])).min(1);
const commandListSchema = z.array(commandSchema).min(1);

type JsonValue = string | number | null | JsonValue[];
type ItemReply = { result: JsonValue } | { error: string };

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startUpstashBridge(opts: { redis: RespClient; token?: string }): Promise<UpstashBridge> {
  const token = opts.token ?? randomBytes(24).toString("base64url");
  const requests = { single: 0, pipeline: 0, multiExec: 0, unauthorized: 0, commands: 0 };

  const server = http.createServer((req, res) => {
    handle(req).then(
      ({ status, body }) => send(res, status, body),
      (error: unknown) => {
        if (error instanceof HttpProblem) send(res, error.status, { error: error.message });
        else send(res, 500, { error: `bridge: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
  });

  async function handle(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? "/", "http://bridge.invalid");
    if (!isAuthorized(req.headers.authorization, url.searchParams.get("_token"), token)) {
      requests.unauthorized += 1;
      return { status: 401, body: { error: "Unauthorized" } };
    }
    if (req.method !== "POST") throw new HttpProblem(405, "Method not allowed");
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const body = await readJson(req);
    const path = url.pathname.replace(/\/+$/, "") || "/";

    if (path === "/") {
      requests.single += 1;
      requests.commands += 1;
      const reply = await opts.redis.send(toArgs(parse(commandSchema, body)));
      if (reply.type === "error") return { status: 400, body: { error: reply.message } };
      return { status: 200, body: { result: toJson(reply, base64) } };
    }
    if (path === "/pipeline") {
      requests.pipeline += 1;
      const commands = parse(commandListSchema, body).map(toArgs);
      requests.commands += commands.length;
      const replies = await opts.redis.sendBatch(commands);
      return { status: 200, body: replies.map((reply) => toItem(reply, base64)) };
    }
    if (path === "/multi-exec") {
      requests.multiExec += 1;
      const commands = parse(commandListSchema, body).map(toArgs);
      requests.commands += commands.length;
      const replies = await opts.redis.sendBatch([["MULTI"], ...commands, ["EXEC"]]);
      const exec = replies.at(-1);
      if (exec?.type === "array" && exec.value !== null) {
        return { status: 200, body: exec.value.map((reply) => toItem(reply, base64)) };
      }
      const queuedError = replies.slice(1, -1).find((reply) => reply.type === "error");
      const message =
        queuedError?.type === "error" ? queuedError.message : exec?.type === "error" ? exec.message : "ERR transaction aborted";
      return { status: 400, body: { error: message } };
    }
    throw new HttpProblem(404, `ERR unknown endpoint ${path}`);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("bridge: expected a TCP address");
  const { port } = address;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The client keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function isAuthorized(header: string | undefined, queryToken: string | null, token: string): boolean {
  const presented = header?.match(/^Bearer (.+)$/i)?.[1] ?? queryToken;
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, "ERR max request size exceeded");
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new HttpProblem(400, `ERR failed to parse command: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpProblem(400, "ERR failed to parse command: expected a JSON array of command arguments");
  return parsed.data;
}

function toArgs(command: readonly (string | number | boolean)[]): RespArg[] {
  return command.map((part) => String(part));
}

function toItem(reply: RespValue, base64: boolean): ItemReply {
  return reply.type === "error" ? { error: reply.message } : { result: toJson(reply, base64) };
}

function toJson(reply: RespValue, base64: boolean): JsonValue {
  switch (reply.type) {
    case "simple":
      return base64 && reply.value !== "OK" ? Buffer.from(reply.value, "utf8").toString("base64") : reply.value;
    case "error":
      // Only reachable inside arrays (e.g. a Lua table holding an error); Upstash reports the message.
      return reply.message;
    case "integer":
      return reply.value;
    case "bulk":
      if (reply.value === null) return null;
      return base64 ? reply.value.toString("base64") : reply.value.toString("utf8");
    case "array":
      return reply.value === null ? null : reply.value.map((item) => toJson(item, base64));
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
