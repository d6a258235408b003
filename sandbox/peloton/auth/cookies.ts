/** Set-Cookie strings shaped like Auth0's. All are Secure, as on the real tenant (see report: localhost jars). */
interface CookieOptions {
  path?: string;
  maxAgeSeconds?: number;
  nowMs?: number;
  sameSiteNone?: boolean;
  httpOnly?: boolean;
}

export function setCookie(name: string, value: string, opts: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${opts.maxAgeSeconds}`);
  parts.push(`Path=${opts.path ?? "/"}`);
  if (opts.maxAgeSeconds !== undefined && opts.nowMs !== undefined) {
    parts.push(`Expires=${new Date(opts.nowMs + opts.maxAgeSeconds * 1000).toUTCString()}`);
  }
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  parts.push("Secure");
  if (opts.sameSiteNone !== false) parts.push("SameSite=None");
  return parts.join("; ");
}

/** A cookie plus its `_compat` twin for browsers that reject SameSite=None. */
export function withCompat(name: string, value: string, opts: CookieOptions): string[] {
  return [setCookie(name, value, opts), setCookie(`${name}_compat`, value, { ...opts, sameSiteNone: false })];
}
