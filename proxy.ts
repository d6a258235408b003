import { NextResponse, type NextRequest } from "next/server";
import { RETURN_TO_HEADER } from "@/lib/domain/return-to";

/**
 * Tells server components which page was asked for (requireUser sends a signed-out visitor to sign-in with it as
 * `callbackUrl`, so a deep link returns to its page). The header is always overwritten: a client can't set it.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(RETURN_TO_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico|icon|apple-icon|manifest.webmanifest|.*\\.(?:png|svg|ico|woff2)$).*)"] };
