/**
 * The security headers of every page and route (docs/security.md). Pure: proxy.ts builds them per request.
 *
 * Scripts: only ours, each carrying the per-request nonce ('strict-dynamic' lets Next's own chunks load theirs).
 * Styles: 'unsafe-inline' stays because Recharts and React render `style="…"` attributes (chart sizes, tooltip
 * positions) that no nonce can cover; with a nonce in style-src browsers would ignore 'unsafe-inline'. Style
 * injection cannot run code, and scripts stay nonce-only.
 * Images: ours, plus the map tile server when one is configured (MAP_TILE_URL), and nothing else.
 */
export interface CspOptions {
  nonce: string;
  /** next dev needs eval for React's debugging features */
  dev: boolean;
  /** origins a form may post or redirect to besides ours (the TrainingPeaks sign-in page) */
  formActionOrigins: string[];
  /** origins images may come from besides ours: the map tile server, only when configured */
  imageOrigins?: string[];
}

export function contentSecurityPolicy({ nonce, dev, formActionOrigins, imageOrigins = [] }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${imageOrigins.map((o) => ` ${o}`).join("")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formActionOrigins.map((o) => ` ${o}`).join("")}`,
    "frame-ancestors 'none'",
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/**
 * The headers besides the CSP; HSTS only in production, where the app is served over HTTPS.
 *
 * No `Cross-Origin-Opener-Policy`, on purpose (docs/security.md "Security headers", with the measurement): `same-origin`
 * made every entry into the app switch browsing context groups, so the page committed in a fresh renderer
 * (40–70 ms more main-thread work before the first paint on this machine; a phone's Lighthouse score 6–18 points
 * lower on every page). What it would add here is small: no page can be framed (`frame-ancestors 'none'`,
 * `X-Frame-Options`), and none opens or is meant to be opened by another site's window.
 */
export function staticSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether a POST to a page (a server action, with or without JavaScript) was sent by another site's page: browsers
 * always send Origin on POST, and it must name the host the request went to. No Origin at all means no browser, so
 * no victim's cookies to abuse; an opaque "null" origin (sandboxed frames, data: URLs) counts as foreign.
 */
export function isCrossOriginPost(origin: string | null, host: string | null): boolean {
  if (origin === null) return false;
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
