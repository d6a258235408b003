import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { issueMessage } from "@/lib/errors/issue-message";

/**
 * zod-parse untrusted input (an action's arguments, a query string, a form). A failure is `input.invalid` with a
 * message per field (a sentence: lib/errors/issue-message.ts); the summary is the first problem unless the caller shows the fields next to its inputs.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, opts: { what?: string; summary?: string } = {}): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || opts.what || "input"] ??= issueMessage(issue, opts.what);
  const message = Object.values(fields)[0] ?? "That request isn’t valid.";
  throw new AppError("input.invalid", { message: opts.summary ?? message, fields });
}
