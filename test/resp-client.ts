import net from "node:net";

/**
 * A minimal RESP2 client over node:net for tests: one connection, replies matched to requests in order.
 * Redis error replies are returned as values (not thrown) so callers can forward them faithfully;
 * only connection failures reject.
 */

export type RespValue =
  | { type: "simple"; value: string }
  | { type: "error"; message: string }
  | { type: "integer"; value: number }
  | { type: "bulk"; value: Buffer | null }
  | { type: "array"; value: RespValue[] | null };

export type RespArg = string | Buffer;

interface Pending {
  resolve: (value: RespValue) => void;
  reject: (error: Error) => void;
}

const CRLF = "\r\n";

export function encodeCommand(args: readonly RespArg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}${CRLF}`)];
  for (const arg of args) {
    const bytes = typeof arg === "string" ? Buffer.from(arg, "utf8") : arg;
    parts.push(Buffer.from(`$${bytes.length}${CRLF}`), bytes, Buffer.from(CRLF));
  }
  return Buffer.concat(parts);
}

/** Parses one reply starting at `offset`; null when the buffer does not hold a complete reply yet. */
export function parseReply(buffer: Buffer, offset: number): { value: RespValue; next: number } | null {
  const lineEnd = buffer.indexOf(CRLF, offset);
  if (lineEnd === -1) return null;
  const kind = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString("utf8", offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  switch (kind) {
    case "+":
      return { value: { type: "simple", value: line }, next: afterLine };
    case "-":
      return { value: { type: "error", message: line }, next: afterLine };
    case ":":
      return { value: { type: "integer", value: Number(line) }, next: afterLine };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: { type: "bulk", value: null }, next: afterLine };
      if (buffer.length < afterLine + length + 2) return null;
      return { value: { type: "bulk", value: buffer.subarray(afterLine, afterLine + length) }, next: afterLine + length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: { type: "array", value: null }, next: afterLine };
      const items: RespValue[] = [];
      let next = afterLine;
      for (let i = 0; i < count; i += 1) {
        const item = parseReply(buffer, next);
        if (item === null) return null;
        items.push(item.value);
        next = item.next;
      }
      return { value: { type: "array", value: items }, next };
    }
    default:
      throw new Error(`RESP: unexpected reply type byte ${JSON.stringify(kind)}`);
  }
}

export class RespClient {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private failure: Error | null = null;

  private constructor(
    private readonly socket: net.Socket,
    readonly address: string,
  ) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.fail(new Error(`Redis connection to ${address} failed: ${error.message}`, { cause: error })));
    socket.on("close", () => this.fail(new Error(`Redis connection to ${address} closed`)));
  }

  /** Connects to a redis:// URL (password and database number honoured; TLS is not supported). */
  static async connect(redisUrl: string, opts: { timeoutMs?: number } = {}): Promise<RespClient> {
    const url = new URL(redisUrl);
    if (url.protocol !== "redis:") throw new Error(`Only redis:// URLs are supported, got ${url.protocol}//`);
    const host = url.hostname || "127.0.0.1";
    const port = Number(url.port || 6379);
    const address = `${host}:${port}`;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host, port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`Redis at ${address} did not accept a connection within ${opts.timeoutMs ?? 2000} ms`));
      }, opts.timeoutMs ?? 2000);
      s.once("connect", () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`Redis at ${address} is not reachable: ${error.message}`, { cause: error }));
      });
    });
    socket.setNoDelay(true);
    const client = new RespClient(socket, address);
    const password = decodeURIComponent(url.password);
    if (password) {
      const user = decodeURIComponent(url.username);
      await client.expectOk(user ? ["AUTH", user, password] : ["AUTH", password], "AUTH");
    }
    const db = url.pathname.replace(/^\//, "");
    if (db) await client.expectOk(["SELECT", db], "SELECT");
    return client;
  }

  send(args: readonly RespArg[]): Promise<RespValue> {
    return this.enqueue([args]).then((replies) => {
      const reply = replies[0];
      if (reply === undefined) throw new Error("RESP: missing reply");
      return reply;
    });
  }

  /** Writes all commands in one go, so nothing from another caller can land between them (MULTI…EXEC). */
  sendBatch(commands: readonly (readonly RespArg[])[]): Promise<RespValue[]> {
    return this.enqueue(commands);
  }

  async close(): Promise<void> {
    if (this.socket.destroyed) return;
    // Every reply has been awaited by the time callers close, so nothing is lost by not waiting for FIN.
    await new Promise<void>((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.destroy();
    });
  }

  private enqueue(commands: readonly (readonly RespArg[])[]): Promise<RespValue[]> {
    if (this.failure) return Promise.reject(this.failure);
    const replies = commands.map(
      () =>
        new Promise<RespValue>((resolve, reject) => {
          this.pending.push({ resolve, reject });
        }),
    );
    this.socket.write(Buffer.concat(commands.map(encodeCommand)));
    return Promise.all(replies);
  }

  private async expectOk(args: readonly RespArg[], what: string): Promise<void> {
    const reply = await this.send(args);
    if (reply.type === "error") {
      this.socket.destroy();
      throw new Error(`Redis ${what} failed at ${this.address}: ${reply.message}`);
    }
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      let parsed: ReturnType<typeof parseReply>;
      try {
        parsed = parseReply(this.buffer, offset);
      } catch (error) {
        this.socket.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (parsed === null) break;
      offset = parsed.next;
      const waiter = this.pending.shift();
      if (waiter === undefined) {
        this.socket.destroy(new Error("RESP: reply without a pending request"));
        return;
      }
      waiter.resolve(parsed.value);
    }
    this.buffer = this.buffer.subarray(offset);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}

/** A one-shot reachability check: connect and PING. Returns null when Redis answers, else the reason. */
export async function probeRedis(redisUrl: string, timeoutMs = 1500): Promise<string | null> {
  let client: RespClient | undefined;
  try {
    client = await RespClient.connect(redisUrl, { timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PING reply within ${timeoutMs} ms`)), timeoutMs);
    });
    const reply = await Promise.race([client.send(["PING"]), timeout]).finally(() => clearTimeout(timer));
    if (reply.type === "error") return reply.message;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client?.close();
  }
}

/** For messages: the URL without its password. */
export function describeRedisUrl(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}
