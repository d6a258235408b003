import "server-only";
import { randomBytes } from "node:crypto";
import { isAppError } from "@/lib/errors/app-error";
import { ERRORS } from "@/lib/errors/codes";
import type { Failure } from "@/lib/errors/result";
import { log } from "@/server/log";

/**
 * Any thrown value as the failure the user sees and the HTTP status a route answers with (lib/errors/codes.ts).
 * Our own failures — an unexpected exception or an AppError whose code is not exposed — become the code's generic
 * message plus a reference id; the id and the full error go to the log, the error's own text never reaches the user.
 */
export function toFailure(error: unknown, context: { name: string; userId?: string }): { status: number; failure: Failure } {
  if (isAppError(error) && error.exposed) {
    if (error.status >= 500) log.warn(`${context.name}.failed`, { userId: context.userId, code: error.code, error });
    else log.info(`${context.name}.refused`, { userId: context.userId, code: error.code });
    const failure: Failure = { ok: false, code: error.code, message: error.message };
    if (error.fields) failure.fields = error.fields;
    if (error.retryAfterSeconds !== undefined) failure.retryAfterSeconds = error.retryAfterSeconds;
    return { status: error.status, failure };
  }
  const ref = randomBytes(4).toString("hex").toUpperCase();
  log.error(`${context.name}.failed`, { userId: context.userId, ref, error });
  const code = isAppError(error) ? error.code : "internal";
  return { status: ERRORS[code].status, failure: { ok: false, code, message: `${ERRORS[code].message} (Reference ${ref}.)`, ref } };
}
