import { AppError, fromFailure } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { isFailure } from "@/lib/errors/result";

/**
 * Browser-side JSON fetch for our route handlers, whose bodies are Results (lib/errors/result.ts). Every failure is
 * thrown as an AppError; an answer that is not ours (a proxy's bare 413 page, a crash page) is marked `detail.bare`.
 */

const BARE_CODE: Record<number, ErrorCode> = { 401: "auth.unauthenticated", 403: "auth.forbidden", 404: "workout.not_found", 413: "input.too_large", 415: "input.unsupported_media_type", 429: "input.too_many_attempts" };

/** GET by default; pass `init` to POST (a FormData body sets its own multipart Content-Type). */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch (cause) {
    throw new AppError("network.offline", { cause });
  }
  const body: unknown = await res.json().catch(() => null);
  if (isFailure(body)) throw fromFailure(body);
  if (!res.ok || !body || typeof body !== "object" || !("ok" in body) || body.ok !== true || !("data" in body)) {
    throw new AppError(BARE_CODE[res.status] ?? "internal", { detail: { bare: true, httpStatus: res.status } });
  }
  // Our own route handlers produce `data` with the type the caller names.
  return body.data as T;
}
