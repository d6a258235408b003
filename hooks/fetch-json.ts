/** Browser-side JSON fetch for our route handlers ({ data } or { error }), with one typed error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function errorOf(body: unknown): { code?: string; message?: string; retryAfterSeconds?: number } | null {
  if (!body || typeof body !== "object" || !("error" in body)) return null;
  const e = body.error;
  if (!e || typeof e !== "object") return null;
  return {
    code: "code" in e && typeof e.code === "string" ? e.code : undefined,
    message: "message" in e && typeof e.message === "string" ? e.message : undefined,
    retryAfterSeconds: "retryAfterSeconds" in e && typeof e.retryAfterSeconds === "number" ? e.retryAfterSeconds : undefined,
  };
}

/** GET by default; pass `init` to POST (a FormData body sets its own multipart Content-Type). */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(0, "network", "You appear to be offline. Check your connection and retry.");
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorOf(body);
    throw new ApiError(res.status, e?.code ?? "error", e?.message ?? `Request failed (${res.status}).`, e?.retryAfterSeconds);
  }
  if (!body || typeof body !== "object" || !("data" in body)) throw new ApiError(res.status, "bad_response", "The server sent an unexpected answer.");
  // Our own route handlers produce `data` with the type the caller names.
  return body.data as T;
}
