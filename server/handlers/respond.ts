import "server-only";
import { NextResponse } from "next/server";
import { toFailure } from "./errors";

export const NO_STORE = { "Cache-Control": "private, no-store" };

/** Any thrown value as a JSON failure Response (with Retry-After when the failure says when to retry). */
export function failureResponse(error: unknown, context: { name: string; userId?: string }): Response {
  const { status, failure } = toFailure(error, context);
  const headers: Record<string, string> = { ...NO_STORE };
  if (failure.retryAfterSeconds !== undefined) headers["Retry-After"] = String(failure.retryAfterSeconds);
  return NextResponse.json(failure, { status, headers });
}
