import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { auth } from "@/server/auth";
import { toUserFacingError, UserFacingFailure } from "./errors";
import { log } from "@/server/log";

/**
 * The pipelines for JSON endpoints: session → zod-parsed input → work scoped to the signed-in user → JSON
 * (`{ data }` or `{ error: { code, message } }`). The user id only ever comes from the session, never from the request.
 */

const NO_STORE = { "Cache-Control": "private, no-store" };

const unauthenticated = () =>
  NextResponse.json({ error: { code: "unauthenticated", message: "Your session has expired. Sign in again." } }, { status: 401, headers: NO_STORE });

async function respond(name: string, work: () => Promise<unknown>): Promise<Response> {
  try {
    return NextResponse.json({ data: await work() }, { headers: NO_STORE });
  } catch (error) {
    const mapped = toUserFacingError(error);
    if (mapped.status >= 500) log.error(`${name}.failed`, { error });
    const headers: Record<string, string> = { ...NO_STORE };
    if (mapped.retryAfterSeconds !== undefined) headers["Retry-After"] = String(mapped.retryAfterSeconds);
    return NextResponse.json({ error: { code: mapped.code, message: mapped.message, retryAfterSeconds: mapped.retryAfterSeconds } }, { status: mapped.status, headers });
  }
}

/** zod-parse request input; a failure is a 400 naming the first problem ("ftp: Too big…"). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = "input"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserFacingFailure({ code: "invalid_input", message: `${issue?.path.join(".") || what}: ${issue?.message ?? "invalid"}`, status: 400 });
}

/** GET with a zod-parsed query string. */
export function userRoute<S extends z.ZodType>(
  name: string,
  querySchema: S,
  work: (ctx: { userId: string; query: z.output<S> }) => Promise<unknown>,
) {
  return async function GET(request: Request): Promise<Response> {
    const session = await auth();
    if (!session?.user?.id) return unauthenticated();
    const userId = session.user.id;
    return respond(name, () => work({ userId, query: parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams), "query") }));
  };
}

/**
 * Any method, for endpoints whose input is not a query string (uploads, dynamic segments): the work parses its own
 * input with `parseInput` and throws UserFacingFailure (or a typed error) for anything the user must fix.
 */
export function userHandler<Params extends Record<string, string> = Record<string, never>>(
  name: string,
  work: (ctx: { userId: string; request: Request; params: Params }) => Promise<unknown>,
) {
  return async function handler(request: Request, context: { params: Promise<Params> }): Promise<Response> {
    const session = await auth();
    if (!session?.user?.id) return unauthenticated();
    const userId = session.user.id;
    return respond(name, async () => work({ userId, request, params: await context.params }));
  };
}
