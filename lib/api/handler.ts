import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { auth } from "@/lib/auth";
import { toUserFacingError } from "@/lib/errors";
import { log } from "@/lib/log";

/**
 * The one pipeline for JSON read endpoints: session → zod-parsed query → work scoped to the
 * signed-in user → JSON. The user id only ever comes from the session, never from the request.
 */
export function userRoute<S extends z.ZodType>(
  name: string,
  querySchema: S,
  work: (ctx: { userId: string; query: z.output<S> }) => Promise<unknown>,
) {
  return async function GET(request: Request): Promise<Response> {
    const session = await auth();
    if (!session?.user?.id) {
      return NextResponse.json({ error: { code: "unauthenticated", message: "Your session has expired. Sign in again." } }, { status: 401 });
    }
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = querySchema.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return NextResponse.json(
        { error: { code: "invalid_input", message: `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}` } },
        { status: 400 },
      );
    }
    try {
      const data = await work({ userId: session.user.id, query: parsed.data });
      return NextResponse.json({ data }, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      const mapped = toUserFacingError(error);
      if (mapped.status >= 500) log.error(`${name}.failed`, { error });
      const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
      if (mapped.retryAfterSeconds !== undefined) headers["Retry-After"] = String(mapped.retryAfterSeconds);
      return NextResponse.json({ error: { code: mapped.code, message: mapped.message, retryAfterSeconds: mapped.retryAfterSeconds } }, { status: mapped.status, headers });
    }
  };
}
