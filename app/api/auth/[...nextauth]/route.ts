import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { runWithAuthContext, type SignInFailure } from "@/server/auth/failure";

/**
 * Auth.js handlers, wrapped so a failed sign-in lands on /signin with the precise reason
 * (see lib/auth/failure.ts) rather than Auth.js' generic code.
 */
function withReason(response: Response, request: NextRequest, failure: SignInFailure | undefined): Response {
  const location = response.headers.get("location");
  if (!location) return response;
  const target = new URL(location, request.nextUrl.origin);
  if (target.origin !== request.nextUrl.origin || target.pathname !== "/signin" || !target.searchParams.has("error")) return response;
  // TrainingPeaks sends ?error=access_denied when the athlete presses "Deny".
  const providerError = request.nextUrl.searchParams.get("error");
  if (providerError === "access_denied") target.searchParams.set("error", "AccessDenied");
  else if (failure) {
    target.searchParams.set("error", failure.reason);
    if (failure.reason === "tp_rate_limited" && failure.retryAfterSeconds !== undefined) {
      target.searchParams.set("retryAfter", String(failure.retryAfterSeconds));
    }
  }
  const headers = new Headers(response.headers);
  headers.set("location", target.toString());
  return new Response(null, { status: response.status, headers });
}

export async function GET(request: NextRequest): Promise<Response> {
  const { result, failure } = await runWithAuthContext(() => handlers.GET(request));
  return withReason(result, request, failure);
}

export async function POST(request: NextRequest): Promise<Response> {
  const { result, failure } = await runWithAuthContext(() => handlers.POST(request));
  return withReason(result, request, failure);
}
