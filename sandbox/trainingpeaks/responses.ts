import type { ServerResponse } from "node:http";
import { sendBody } from "../shared/http";

type Headers = Record<string, string>;

/**
 * What a route returns. Handlers build values instead of writing to the socket so the server can
 * record the status and corrupt JSON for the `malformed` fault.
 */
export type SimResponse =
  | { kind: "json"; status: number; body: unknown; headers?: Headers }
  | { kind: "html"; status: number; html: string; headers?: Headers }
  | { kind: "text"; status: number; text: string; headers?: Headers }
  | { kind: "empty"; status: number; headers?: Headers }
  | { kind: "redirect"; status: number; location: string; headers?: Headers };

export const json = (status: number, body: unknown, headers?: Headers): SimResponse => ({ kind: "json", status, body, headers });
export const html = (status: number, markup: string, headers?: Headers): SimResponse => ({ kind: "html", status, html: markup, headers });
export const text = (status: number, body: string, headers?: Headers): SimResponse => ({ kind: "text", status, text: body, headers });
export const empty = (status: number, headers?: Headers): SimResponse => ({ kind: "empty", status, headers });
/** ASP.NET-style errors: a JSON array of messages. */
export const messageList = (status: number, messages: readonly string[], headers?: Headers): SimResponse => json(status, messages, headers);

const MB = 1024 * 1024;

/** "30 MB", or an exact byte count for limits that are not whole megabytes (tests). */
export const formatSize = (bytes: number): string => (bytes >= MB && bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`);

/** 413 for a body above `limit` bytes; the connection closes as the rest of the body is not read. */
export const bodyTooLarge = (limit: number): SimResponse =>
  messageList(413, [`The request body exceeds the ${formatSize(limit)} limit.`], { Connection: "close" });
export const found = (location: string): SimResponse => ({ kind: "redirect", status: 302, location });

export function writeResponse(res: ServerResponse, response: SimResponse, malformed = false): void {
  sendBody(res, response.status, response.kind === "json" ? { kind: "json", value: response.body } : response, response.headers, malformed);
}
