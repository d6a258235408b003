/**
 * Where to go back to after signing in: a path on this site only (never another origin, never a protocol-relative
 * `//host`), or null. Used for `callbackUrl` on the sign-in page and in the sign-in action.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) return null;
  if (!/^\/(?![/\\])[\w\-/?=&%.+~,:@]*$/.test(value)) return null;
  if (value.startsWith("/signin") || value.startsWith("/api/")) return null;
  return value;
}

/** The sign-in page for a signed-out visit to `path`, which it returns to afterwards (the dashboard needs no mention). */
export function signInPath(path: string | null, reason?: string): string {
  const params = new URLSearchParams();
  if (reason) params.set("reason", reason);
  const back = safeReturnTo(path);
  if (back && back !== "/dashboard") params.set("callbackUrl", back);
  const query = params.toString();
  return query ? `/signin?${query}` : "/signin";
}

/** The request header proxy.ts sets to the page being asked for (path and query), read by requireUser. */
export const RETURN_TO_HEADER = "x-autocoach-return-to";
