import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { auth } from "@/server/auth";
import { failureResponse, NO_STORE } from "./respond";
import { parseInput } from "./input";

export { failureResponse, parseInput };

/**
 * The pipelines for JSON endpoints: session → zod-parsed input → work scoped to the signed-in user → a Result body
 * (lib/errors/result.ts) with the status of its code. The user id only ever comes from the session, never the request.
 */

/** Run the work and answer with its Result; work that builds its own Response (a file download) passes it through. */
async function respond(name: string, userId: string | undefined, work: (userId: string) => Promise<unknown>): Promise<Response> {
  try {
    if (!userId) throw new AppError("auth.unauthenticated");
    const data = await work(userId);
    return data instanceof Response ? data : NextResponse.json({ ok: true, data }, { headers: NO_STORE });
  } catch (error) {
    return failureResponse(error, { name, userId });
  }
}

/** GET with a zod-parsed query string. */
export function userRoute<S extends z.ZodType>(
  name: string,
  querySchema: S,
  work: (ctx: { userId: string; query: z.output<S> }) => Promise<unknown>,
) {
  return async function GET(request: Request): Promise<Response> {
    const session = await auth();
    return respond(name, session?.user?.id, (userId) => work({ userId, query: parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams), { what: "query" }) }));
  };
}

/**
 * Any method, for endpoints whose input is not a query string (uploads, dynamic segments): the work parses its own
 * input with `parseInput` and throws an AppError for anything the user must fix.
 */
export function userHandler<Params extends Record<string, string> = Record<string, never>>(
  name: string,
  work: (ctx: { userId: string; request: Request; params: Params }) => Promise<unknown>,
) {
  return async function handler(request: Request, context: { params: Promise<Params> }): Promise<Response> {
    const session = await auth();
    return respond(name, session?.user?.id, async (userId) => work({ userId, request, params: await context.params }));
  };
}
