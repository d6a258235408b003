import "server-only";
import type { z } from "zod";
import { auth } from "@/server/auth";
import { toUserFacingError } from "./errors";
import { log } from "@/server/log";

/**
 * The one pipeline every server action goes through: session → zod parse → work for that user →
 * a typed result. Any client can POST to an action, so nothing here trusts the caller.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string>; retryAfterSeconds?: number };

export async function runUserAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  work: (ctx: { userId: string; input: z.output<S> }) => Promise<T>,
): Promise<ActionResult<T>> {
  const session = await auth();
  if (!session?.user?.id) return { ok: false, code: "unauthenticated", message: "Your session has expired. Sign in again." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, code: "invalid_input", message: "Please correct the highlighted fields.", fieldErrors };
  }
  try {
    return { ok: true, data: await work({ userId: session.user.id, input: parsed.data }) };
  } catch (error) {
    const mapped = toUserFacingError(error);
    if (mapped.status >= 500 && mapped.code === "internal") log.error(`${name}.failed`, { userId: session.user.id, error });
    else log.info(`${name}.refused`, { userId: session.user.id, code: mapped.code });
    return { ok: false, code: mapped.code, message: mapped.message, retryAfterSeconds: mapped.retryAfterSeconds };
  }
}
