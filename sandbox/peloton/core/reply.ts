import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseCookies, readBody, sendBody, type SimBody } from "@/sandbox/shared/http";

/** What a route answers. The server writes it, which is where fault injection can corrupt it. */
export type ReplyBody = SimBody;

export interface Reply {
  status: number;
  body: ReplyBody;
  headers?: Record<string, string>;
  cookies?: string[];
}

export const jsonReply = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ status, body: { kind: "json", value }, headers });
export const htmlReply = (status: number, html: string, cookies?: string[]): Reply => ({ status, body: { kind: "html", html }, cookies });
export const textReply = (status: number, text: string, headers?: Record<string, string>): Reply => ({ status, body: { kind: "text", text }, headers });
export const redirectReply = (location: string, cookies?: string[], status = 302): Reply => ({ status, body: { kind: "redirect", location }, cookies });

export function writeReply(res: ServerResponse, reply: Reply, malformed: boolean): void {
  if (reply.cookies?.length) res.setHeader("Set-Cookie", reply.cookies);
  sendBody(res, reply.status, reply.body, reply.headers, malformed);
}

export interface SimRequest {
  method: string;
  url: URL;
  path: string;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  header(name: string): string | undefined;
  bodyText(): Promise<string>;
}

export function toSimRequest(req: IncomingMessage, base: string): SimRequest {
  const url = new URL(req.url ?? "/", base);
  let body: Promise<string> | undefined;
  return {
    method: (req.method ?? "GET").toUpperCase(),
    url,
    path: url.pathname,
    headers: req.headers,
    cookies: parseCookies(req.headers.cookie),
    header(name) {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    bodyText() {
      body ??= readBody(req).then((buf) => buf.toString("utf8"));
      return body;
    },
  };
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const flatObject = z.record(z.string(), z.unknown());

/** A JSON or form body as string parameters (Auth0 endpoints accept both). */
export async function readParams(req: SimRequest): Promise<Record<string, string> | undefined> {
  const text = await req.bodyText();
  const type = (req.header("content-type") ?? "").toLowerCase();
  const looksJson = type.includes("json") || (!type.includes("form") && text.trimStart().startsWith("{"));
  if (!looksJson) return Object.fromEntries(new URLSearchParams(text));
  const parsed = parseJson(text);
  if (!parsed.ok) return undefined;
  const obj = flatObject.safeParse(parsed.value);
  if (!obj.success) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj.data)) {
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}
