import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { Result } from "@/lib/errors/result";
import { auth } from "@/server/auth";
import { toFailure } from "./errors";
import { parseInput } from "./input";

/**
 * The one pipeline every server action goes through: session → zod parse → work for that user → a Result
 * (lib/errors/result.ts). Any client can POST to an action, so nothing here trusts the caller.
 */
export type ActionResult<T> = Result<T>;

export async function runUserAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  input: unknown,
  work: (ctx: { userId: string; input: z.output<S> }) => Promise<T>,
): Promise<ActionResult<T>> {
  const session = await auth();
  const userId = session?.user?.id;
  try {
    if (!userId) throw new AppError("auth.unauthenticated");
    const data = parseInput(schema, input, { summary: "Please correct the highlighted fields." });
    return { ok: true, data: await work({ userId, input: data }) };
  } catch (error) {
    return toFailure(error, { name, userId }).failure;
  }
}
