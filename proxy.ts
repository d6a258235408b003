import { NextResponse, type NextRequest } from "next/server";
import { RETURN_TO_HEADER } from "@/lib/domain/return-to";
import { refuseActionRequest } from "@/lib/security/action-request";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { badPageInput } from "@/lib/security/url-input";
import { tileOrigin } from "@/lib/metrics/map-tiles";
import { parseEnv } from "@/server/env-schema";

/**
 * Runs before every page (docs/security.md): a per-request Content-Security-Policy nonce (read by Next for its own
 * scripts and by app/layout.tsx for ours), 403/413/400 for a server action posted from another site's page, too
 * large or unreadable (lib/security/action-request.ts), and 400 for search parameters a page cannot use
 * (lib/security/url-input.ts). It also tells server components which page was asked for (requireUser sends a
 * signed-out visitor to sign-in with it as `callbackUrl`, so a deep link returns to its page); the header is always
 * overwritten, so a client cannot set it.
 * The other security headers are static (next.config.ts). API routes are not matched: they serve JSON, need no
 * CSP, and the upload route must receive bodies larger than a proxy may buffer.
 */
const env = parseEnv(process.env);
const formActionOrigins = [new URL(env.trainingPeaks.oauthUrl).origin];
// the route maps' tile server, only when MAP_TILE_URL is set
const imageOrigins = [env.mapTiles ? tileOrigin(env.mapTiles.urlTemplate) : null].filter((o): o is string => o !== null);

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = await refuseActionRequest(request);
  if (refusal) {
    const { status, code, message } = refusal;
    return NextResponse.json({ ok: false, code, message }, { status, headers: { "Cache-Control": "no-store" } });
  }
  const problem = request.method === "GET" ? badPageInput(request.nextUrl.pathname, request.nextUrl.searchParams) : null;
  if (problem) return badRequestPage(request.nextUrl.pathname, problem);
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: env.nodeEnv === "development", formActionOrigins, imageOrigins });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(RETURN_TO_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function badRequestPage(pathname: string, problem: string): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad link · AutoCoach</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>This link has a mistake in it</h1><p>${escapeHtml(problem)}</p><p><a href="${escapeHtml(pathname)}">Open ${escapeHtml(pathname.slice(1))} without it</a></p></body></html>`;
  return new NextResponse(html, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  });
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|apple-icon|manifest.webmanifest|.*\\.(?:png|svg|ico|woff2)$).*)" }],
};
