import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new Error("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html), ...headers });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}, status = 302): void {
  res.writeHead(status, { Location: location, "Content-Length": 0, ...headers });
  res.end();
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&#34;")
    .replaceAll("'", "&#39;");
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name) out[name] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seeded PRNG (mulberry32) so simulator data is identical on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a simulator route answers, written by `sendBody`. */
export type SimBody =
  | { kind: "json"; value: unknown }
  | { kind: "html"; html: string }
  | { kind: "text"; text: string }
  | { kind: "redirect"; location: string }
  | { kind: "empty" };

/**
 * Write a route's answer. `malformed` (the fault injection) cuts JSON mid-document so every parser fails, as a
 * truncated upstream answer would.
 */
export function sendBody(res: ServerResponse, status: number, body: SimBody, headers: Record<string, string> = {}, malformed = false): void {
  switch (body.kind) {
    case "json": {
      if (!malformed) return sendJson(res, status, body.value, headers);
      const text = JSON.stringify(body.value);
      return sendText(res, status, `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<!-- truncated`, {
        ...headers,
        "Content-Type": "application/json; charset=utf-8",
      });
    }
    case "html":
      return sendHtml(res, status, body.html, headers);
    case "text":
      return sendText(res, status, body.text, headers);
    case "redirect":
      return redirect(res, body.location, headers, status);
    case "empty":
      res.writeHead(status, { "Content-Length": 0, ...headers });
      res.end();
  }
}

/** A simulator run from the command line closes on Ctrl-C / SIGTERM (once) and exits 0, or 1 if closing failed. */
export function closeOnSignals(name: string, sim: { close(): Promise<void> }): void {
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name} simulator failed to close cleanly`, error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
